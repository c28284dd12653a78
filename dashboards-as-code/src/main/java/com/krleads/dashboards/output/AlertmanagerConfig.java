package com.krleads.dashboards.output;

import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.SOURCE;

import com.krleads.dashboards.Settings;
import com.krleads.dashboards.rules.AlertRule;
import com.krleads.dashboards.rules.AlertRule.Severity;
import com.krleads.dashboards.rules.AlertRules;
import com.krleads.dashboards.rules.BurnRateAlerts;
import com.krleads.dashboards.rules.MonitoringAlerts;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjectives;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager routing: critical alerts to e-mail and Slack, warnings to Slack, the Watchdog to
 * a heartbeat of its own. Secrets are
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
        SLACK_CHANNEL("ALERT_SLACK_CHANNEL", "#kr-lead-scraper-alerts"),
        /** The heartbeat URL the Watchdog pings (a dead man's switch service); none by default. */
        WATCHDOG_URL("ALERT_WATCHDOG_URL", "");

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
    static final String WATCHDOG_RECEIVER = "watchdog-heartbeat";
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
        config.put("receivers", List.of(criticalReceiver(environment), warningReceiver(environment),
                watchdogReceiver(environment)));
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
        route.put("group_by", List.of("alertname", JOB, Labels.SLO, QUEUE_NAME, SOURCE));
        route.put("group_wait", "30s");
        route.put("group_interval", "5m");
        route.put("repeat_interval", "4h");
        route.put("routes", List.of(
                watchdogRoute(),
                Yaml.map("matchers", List.of(severity(AlertRule.Severity.CRITICAL)), "receiver", CRITICAL_RECEIVER),
                Yaml.map("matchers", List.of(severity(AlertRule.Severity.WARNING)), "receiver", WARNING_RECEIVER)));
        return route;
    }

    /**
     * The Watchdog, and only it, goes to the heartbeat, every 5 minutes while it fires (always):
     * the external service alarms when the pings stop.
     */
    private static Map<String, Object> watchdogRoute() {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("matchers", List.of(alertname(MonitoringAlerts.WATCHDOG)));
        route.put("receiver", WATCHDOG_RECEIVER);
        route.put("group_wait", "0s");
        route.put("group_interval", "1m");
        route.put("repeat_interval", "5m");
        return route;
    }

    /**
     * Hold back the alerts that only restate a bigger problem already firing. Each pair can fire
     * at once (the promtool scenarios show it) and shares the labels in {@code equal}.
     */
    static List<Map<String, Object>> inhibitRules() {
        return List.of(
                inhibit(List.of(alertname(BurnRateAlerts.of(ServiceLevelObjectives.API_AVAILABILITY, Severity.CRITICAL)),
                                severity(Severity.CRITICAL)),
                        List.of(alertname(BurnRateAlerts.of(ServiceLevelObjectives.API_AVAILABILITY, Severity.WARNING)),
                                severity(Severity.WARNING)),
                        List.of(Labels.SLO, JOB)),
                inhibit(List.of(alertname(AlertRules.NO_BUSY_WORKERS)),
                        List.of(alertname(AlertRules.QUEUE_STUCK, AlertRules.QUEUE_BACKLOG_GROWING)), List.of(JOB, QUEUE_NAME)),
                inhibit(List.of(alertname(AlertRules.DATABASE_UNHEALTHY)),
                        List.of(alertname(AlertRules.QUEUE_STUCK, AlertRules.NO_BUSY_WORKERS, AlertRules.QUEUE_BACKLOG_GROWING,
                                AlertRules.QUEUE_UNHEALTHY)),
                        List.of(JOB)));
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
        List<String> names = java.util.Arrays.stream(alerts).map(AlertRule::name).distinct().toList();
        return names.size() == 1 ? Labels.ALERTNAME + "=\"" + names.get(0) + "\""
                : Labels.ALERTNAME + "=~\"" + String.join("|", names) + "\"";
    }

    /** No integration unless ALERT_WATCHDOG_URL is set: then a webhook to the heartbeat. */
    private static Map<String, Object> watchdogReceiver(Map<String, String> environment) {
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", WATCHDOG_RECEIVER);
        String url = Delivery.WATCHDOG_URL.from(environment);
        if (!url.isEmpty()) {
            receiver.put("webhook_configs", List.of(Yaml.map("url", url, "send_resolved", false)));
        }
        return receiver;
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
