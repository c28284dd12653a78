package com.krleads.dashboards.output;

import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.SOURCE;

import com.krleads.dashboards.Settings;
import com.krleads.dashboards.rules.AlertRule;
import com.krleads.dashboards.rules.AlertRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager routing: critical alerts to e-mail and Slack, warnings to Slack. Secrets are
 * read from files mounted at {@link Settings#ALERTMANAGER_SECRETS}; nothing secret is generated.
 */
public final class AlertmanagerConfig {
    /**
     * The non-secret delivery settings, each read at generation time from the environment
     * variable named here (the Makefile exports `.env`), with a placeholder default.
     */
    public enum Delivery {
        SMTP_SMARTHOST("ALERT_SMTP_SMARTHOST", "smtp.example.com:587"),
        SMTP_FROM("ALERT_SMTP_FROM", "alertmanager@example.com"),
        SMTP_USER("ALERT_SMTP_USER", "alertmanager@example.com"),
        EMAIL_TO("ALERT_EMAIL_TO", "oncall@example.com"),
        SLACK_CHANNEL("ALERT_SLACK_CHANNEL", "#kr-lead-scraper-alerts");

        private final String variable;
        private final String fallback;

        Delivery(String variable, String fallback) {
            this.variable = variable;
            this.fallback = fallback;
        }

        public String variable() {
            return variable;
        }

        String from(Map<String, String> environment) {
            String value = environment.get(variable);
            return value == null || value.isBlank() ? fallback : value.trim();
        }
    }

    public static final String SMTP_PASSWORD_FILE = Settings.ALERTMANAGER_SECRETS + "/smtp_password";
    public static final String SLACK_URL_FILE = Settings.ALERTMANAGER_SECRETS + "/slack_api_url";

    static final String CRITICAL_RECEIVER = "critical-email-and-slack";
    static final String WARNING_RECEIVER = "warning-slack";
    private static final String SEVERITY = AlertRule.SEVERITY;

    private AlertmanagerConfig() {
    }

    /** The configuration with the delivery settings of this process's environment. */
    public static Map<String, Object> build() {
        return build(System.getenv());
    }

    public static Map<String, Object> build(Map<String, String> environment) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", global(environment));
        config.put("route", route());
        config.put("inhibit_rules", inhibitRules());
        config.put("receivers", List.of(criticalReceiver(environment), warningReceiver(environment)));
        return config;
    }

    private static Map<String, Object> global(Map<String, String> environment) {
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("resolve_timeout", "5m");
        global.put("smtp_smarthost", Delivery.SMTP_SMARTHOST.from(environment));
        global.put("smtp_from", Delivery.SMTP_FROM.from(environment));
        global.put("smtp_auth_username", Delivery.SMTP_USER.from(environment));
        global.put("smtp_auth_password_file", SMTP_PASSWORD_FILE);
        global.put("smtp_require_tls", true);
        global.put("slack_api_url_file", SLACK_URL_FILE);
        return global;
    }

    private static Map<String, Object> route() {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("receiver", WARNING_RECEIVER);
        route.put("group_by", List.of("alertname", JOB, QUEUE_NAME, SOURCE));
        route.put("group_wait", "30s");
        route.put("group_interval", "5m");
        route.put("repeat_interval", "4h");
        route.put("routes", List.of(
                Yaml.map("matchers", List.of(severity(AlertRule.Severity.CRITICAL)), "receiver", CRITICAL_RECEIVER),
                Yaml.map("matchers", List.of(severity(AlertRule.Severity.WARNING)), "receiver", WARNING_RECEIVER)));
        return route;
    }

    /** Suppress the alerts that only restate a bigger problem already firing. */
    private static List<Map<String, Object>> inhibitRules() {
        return List.of(
                inhibit(List.of(alertname(AlertRules.API_TARGET_DOWN)), List.of(severity(AlertRule.Severity.WARNING)),
                        List.of(INSTANCE)),
                inhibit(List.of(alertname(AlertRules.NO_BUSY_WORKERS)),
                        List.of(alertname(AlertRules.QUEUE_STUCK, AlertRules.QUEUE_BACKLOG_GROWING)), List.of(QUEUE_NAME)),
                inhibit(List.of(alertname(AlertRules.DATABASE_UNHEALTHY)),
                        List.of(alertname(AlertRules.QUEUE_STUCK, AlertRules.NO_BUSY_WORKERS, AlertRules.QUEUE_BACKLOG_GROWING)),
                        List.of()));
    }

    private static Map<String, Object> inhibit(List<String> source, List<String> target, List<String> equal) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("source_matchers", source);
        rule.put("target_matchers", target);
        if (!equal.isEmpty()) {
            rule.put("equal", equal);
        }
        return rule;
    }

    private static String severity(AlertRule.Severity severity) {
        return SEVERITY + "=\"" + severity.label() + "\"";
    }

    private static String alertname(AlertRule... alerts) {
        List<String> names = java.util.Arrays.stream(alerts).map(AlertRule::name).toList();
        return names.size() == 1 ? "alertname=\"" + names.get(0) + "\"" : "alertname=~\"" + String.join("|", names) + "\"";
    }

    private static Map<String, Object> criticalReceiver(Map<String, String> environment) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("to", Delivery.EMAIL_TO.from(environment));
        email.put("send_resolved", true);
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", CRITICAL_RECEIVER);
        receiver.put("email_configs", List.of(email));
        receiver.put("slack_configs", List.of(slack(environment)));
        return receiver;
    }

    private static Map<String, Object> warningReceiver(Map<String, String> environment) {
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", WARNING_RECEIVER);
        receiver.put("slack_configs", List.of(slack(environment)));
        return receiver;
    }

    private static Map<String, Object> slack(Map<String, String> environment) {
        Map<String, Object> slack = new LinkedHashMap<>();
        slack.put("channel", Delivery.SLACK_CHANNEL.from(environment));
        slack.put("send_resolved", true);
        slack.put("title", "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels."
                + SEVERITY + " }})");
        slack.put("text", "{{ range .Alerts }}{{ .Annotations." + AlertRule.SUMMARY + " }}: {{ .Annotations."
                + AlertRule.DESCRIPTION + " }}\nRunbook: {{ .Annotations." + AlertRule.RUNBOOK_URL
                + " }}\nDashboard: {{ .Annotations." + AlertRule.DASHBOARD_URL + " }}\n{{ end }}");
        return slack;
    }
}
