package com.krleads.dashboards.output;

import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.SOURCE;

import com.krleads.dashboards.AlertDelivery;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.alerts.AlertRules;
import com.krleads.dashboards.alerts.BurnRateAlerts;
import com.krleads.dashboards.alerts.MonitoringAlerts;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
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
    public static final String SMTP_PASSWORD_FILE = Settings.ALERTMANAGER_SECRETS + "/smtp_password";
    public static final String SLACK_URL_FILE = Settings.ALERTMANAGER_SECRETS + "/slack_api_url";
    public static final String PAGERDUTY_KEY_FILE = Settings.ALERTMANAGER_SECRETS + "/pagerduty_routing_key";
    public static final String OPSGENIE_KEY_FILE = Settings.ALERTMANAGER_SECRETS + "/opsgenie_api_key";
    /** The value of {@code ALERT_ENVIRONMENT} that makes the Watchdog's target mandatory. */
    public static final String PRODUCTION = "production";

    static final String CRITICAL_RECEIVER = "critical-email-and-slack";
    static final String WARNING_RECEIVER = "warning-slack";
    static final String WATCHDOG_RECEIVER = "watchdog-heartbeat";
    static final String PAGER_RECEIVER = "critical-pager";
    private static final String SEVERITY = AlertRule.SEVERITY;

    private AlertmanagerConfig() {
    }

    /**
     * The configuration with the given delivery settings.
     *
     * @throws IllegalStateException in production without a Watchdog URL (the dead man's switch
     *         would go nowhere), or with an unknown pager
     */
    public static Map<String, Object> build(Settings settings) {
        if (PRODUCTION.equals(settings.delivery(AlertDelivery.ENVIRONMENT))
                && settings.delivery(AlertDelivery.WATCHDOG_URL).isEmpty()) {
            throw new IllegalStateException(AlertDelivery.ENVIRONMENT.variable() + "=" + PRODUCTION + " needs "
                    + AlertDelivery.WATCHDOG_URL.variable() + ": the Watchdog's heartbeat target (a dead man's switch service)");
        }
        Map<String, Object> pager = Pagers.receiver(PAGER_RECEIVER, settings);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", global(settings));
        config.put("route", route(pager != null));
        config.put("inhibit_rules", inhibitRules());
        List<Map<String, Object>> receivers = new java.util.ArrayList<>(List.of(criticalReceiver(settings),
                warningReceiver(settings), watchdogReceiver(settings)));
        if (pager != null) {
            receivers.add(pager);
        }
        config.put("receivers", receivers);
        return config;
    }

    private static Map<String, Object> global(Settings settings) {
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("resolve_timeout", "5m");
        global.put("smtp_smarthost", settings.delivery(AlertDelivery.SMTP_SMARTHOST));
        global.put("smtp_from", settings.delivery(AlertDelivery.SMTP_FROM));
        global.put("smtp_auth_username", settings.delivery(AlertDelivery.SMTP_USER));
        global.put("smtp_auth_password_file", SMTP_PASSWORD_FILE);
        global.put("smtp_require_tls", true);
        global.put("slack_api_url_file", SLACK_URL_FILE);
        return global;
    }

    private static Map<String, Object> route(boolean pager) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("receiver", WARNING_RECEIVER);
        route.put("group_by", List.of("alertname", JOB, Labels.SLO, QUEUE_NAME, SOURCE));
        route.put("group_wait", "30s");
        route.put("group_interval", "5m");
        route.put("repeat_interval", "4h");
        List<Map<String, Object>> routes = new java.util.ArrayList<>();
        routes.add(watchdogRoute());
        if (pager) {
            // First the pager, then (continue) e-mail and Slack as without one.
            routes.add(Yaml.map("matchers", List.of(severity(AlertRule.Severity.CRITICAL)), "receiver", PAGER_RECEIVER,
                    "continue", true));
        }
        routes.add(Yaml.map("matchers", List.of(severity(AlertRule.Severity.CRITICAL)), "receiver", CRITICAL_RECEIVER));
        routes.add(Yaml.map("matchers", List.of(severity(AlertRule.Severity.WARNING)), "receiver", WARNING_RECEIVER));
        route.put("routes", routes);
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
                        List.of(alertname(AlertRules.QUEUE_WAIT_TOO_LONG, AlertRules.QUEUE_BACKLOG_GROWING)), List.of(JOB, QUEUE_NAME)),
                inhibit(List.of(alertname(AlertRules.DATABASE_UNHEALTHY)),
                        List.of(alertname(AlertRules.QUEUE_WAIT_TOO_LONG, AlertRules.NO_BUSY_WORKERS, AlertRules.QUEUE_BACKLOG_GROWING,
                                AlertRules.QUEUE_UNHEALTHY)),
                        List.of(JOB)),
                // The cause is held back while its symptom pages: on-call starts from the page and its runbook.
                inhibit(List.of(alertname(BurnRateAlerts.of(ServiceLevelObjectives.API_AVAILABILITY, Severity.CRITICAL)),
                                severity(Severity.CRITICAL)),
                        List.of(alertname(AlertRules.DATABASE_UNHEALTHY)), List.of(JOB)));
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
    private static Map<String, Object> watchdogReceiver(Settings settings) {
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", WATCHDOG_RECEIVER);
        String url = settings.delivery(AlertDelivery.WATCHDOG_URL);
        if (!url.isEmpty()) {
            receiver.put("webhook_configs", List.of(Yaml.map("url", url, "send_resolved", false)));
        }
        return receiver;
    }

    private static Map<String, Object> criticalReceiver(Settings settings) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("to", settings.delivery(AlertDelivery.EMAIL_TO));
        email.put("send_resolved", true);
        email.put("text", ALERT_LINES);
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", CRITICAL_RECEIVER);
        receiver.put("email_configs", List.of(email));
        receiver.put("slack_configs", List.of(slack(settings)));
        return receiver;
    }

    private static Map<String, Object> warningReceiver(Settings settings) {
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", WARNING_RECEIVER);
        receiver.put("slack_configs", List.of(slack(settings)));
        return receiver;
    }

    /**
     * The alert's dashboard link (already on its job) on its time: from an hour before it started
     * to now while it fires, or to 15 minutes after it resolved. Prometheus cannot write the start
     * into the annotation; Alertmanager's templates know it. Grafana reads epoch milliseconds.
     */
    static final String DASHBOARD_LINK = "{{ .Annotations." + AlertRule.DASHBOARD_URL + " }}"
            + "&from={{ (.StartsAt.Add -3600e9).UnixMilli }}"
            + "&to={{ if eq .Status \"firing\" }}now{{ else }}{{ (.EndsAt.Add 900e9).UnixMilli }}{{ end }}";

    /** Each alert's summary, description, runbook and dashboard on its time: Slack's text and the e-mail's text part. */
    static final String ALERT_LINES = "{{ range .Alerts }}{{ .Annotations." + AlertRule.SUMMARY + " }}: {{ .Annotations."
            + AlertRule.DESCRIPTION + " }}\nRunbook: {{ .Annotations." + AlertRule.RUNBOOK_URL
            + " }}\nDashboard: " + DASHBOARD_LINK + "\n{{ end }}";

    private static Map<String, Object> slack(Settings settings) {
        Map<String, Object> slack = new LinkedHashMap<>();
        slack.put("channel", settings.delivery(AlertDelivery.SLACK_CHANNEL));
        slack.put("send_resolved", true);
        slack.put("title", "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels."
                + SEVERITY + " }})");
        slack.put("text", ALERT_LINES);
        return slack;
    }
}
