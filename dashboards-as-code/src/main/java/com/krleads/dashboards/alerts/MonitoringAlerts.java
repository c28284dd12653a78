package com.krleads.dashboards.alerts;

import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.rulefile.Templates.label;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.INTEGRATION;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.RULE_GROUP;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.dashboards.rulefile.RuleGroup;
import com.krleads.dashboards.rulefile.Templates;
import com.krleads.metrics.KnownSeries;

/**
 * Alerts about alerting itself: the dead man's switch, Alertmanager's health and Prometheus's side
 * of the pipeline (rules that fail, notifications that fail or are dropped, no Alertmanager, a
 * configuration that did not load). They link to the service's dashboard, not their own job's.
 */
public final class MonitoringAlerts {
    public static final String GROUP = "kr-lead-scraper.monitoring";
    /** Alertmanager's own series, selected by its scrape job. */
    private static final Promql ALERTMANAGER = Promql.forJob(Settings.ALERTMANAGER_JOB);
    /** Prometheus's own series, selected by its self-scrape job. */
    private static final Promql PROMETHEUS = Promql.forJob(Settings.PROMETHEUS_JOB);
    private static final String ALERTMANAGER_LABEL = com.krleads.metrics.Labels.ALERTMANAGER;

    /**
     * Always firing. Routed to a receiver of its own that pings an external heartbeat: when the
     * pings stop, Prometheus, Alertmanager or the path between them is broken.
     */
    public static final AlertRule WATCHDOG = AlertRule.builder("Watchdog")
            .expr("vector(1)")
            .immediately().severity(Severity.NONE).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Alerting pipeline heartbeat")
            .description("Always firing, on purpose: a dead man's switch. An external heartbeat service expects this "
                    + "notification; if it stops arriving, Prometheus or Alertmanager is broken.")
            .build();

    public static final AlertRule NOTIFICATIONS_FAILING = AlertRule.builder("KrAlertmanagerNotificationsFailing")
            .expr(sum(ALERTMANAGER.rateOver("5m", KnownSeries.ALERTMANAGER_NOTIFICATIONS_FAILED.name()),
                    JOB, INSTANCE, INTEGRATION) + " > 0")
            .forDuration("5m").severity(Severity.CRITICAL).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Alertmanager cannot deliver notifications")
            .description("Alertmanager " + label(INSTANCE) + " fails to deliver notifications through "
                    + label(INTEGRATION) + ": alerts routed there reach nobody.")
            .build();

    public static final AlertRule ALERTMANAGER_DOWN = AlertRule.builder("KrAlertmanagerDown")
            .expr(ALERTMANAGER.select(KnownSeries.UP.name()) + " == 0")
            .forDuration("5m").severity(Severity.CRITICAL).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Alertmanager down")
            .description("Prometheus cannot scrape Alertmanager " + label(INSTANCE) + ": alerts may not be delivered.")
            .build();

    /** Rules that fail to evaluate alert nobody: an SLO alert may be blind. */
    public static final AlertRule RULE_FAILURES = AlertRule.builder("KrPrometheusRuleFailures")
            .expr(sum(PROMETHEUS.increaseOver("10m", KnownSeries.PROMETHEUS_RULE_EVALUATION_FAILURES.name()),
                    JOB, INSTANCE, RULE_GROUP) + " > 0")
            .forDuration("5m").severity(Severity.CRITICAL).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Prometheus rules failing")
            .description("Prometheus " + label(INSTANCE) + " failed " + Templates.VALUE + " evaluations of rule group "
                    + label(RULE_GROUP) + " in 10 minutes: its alerts and recorded series are missing.")
            .build();

    public static final AlertRule SENDING_FAILING = AlertRule.builder("KrPrometheusNotificationsFailing")
            .expr(sum(PROMETHEUS.increaseOver("10m", KnownSeries.PROMETHEUS_NOTIFICATIONS_ERRORS.name()),
                    JOB, INSTANCE, ALERTMANAGER_LABEL) + " > 0")
            .forDuration("5m").severity(Severity.CRITICAL).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Prometheus cannot send alerts to Alertmanager")
            .description("Prometheus " + label(INSTANCE) + " failed " + Templates.VALUE + " times in 10 minutes to send "
                    + "alerts to " + label(ALERTMANAGER_LABEL) + ".")
            .build();

    public static final AlertRule NOTIFICATIONS_DROPPED = AlertRule.builder("KrPrometheusNotificationsDropped")
            .expr(sum(PROMETHEUS.increaseOver("10m", KnownSeries.PROMETHEUS_NOTIFICATIONS_DROPPED.name()),
                    JOB, INSTANCE) + " > 0")
            .immediately().severity(Severity.CRITICAL).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Prometheus dropped alerts")
            .description("Prometheus " + label(INSTANCE) + " dropped " + Templates.VALUE
                    + " alerts in 10 minutes before any Alertmanager received them.")
            .build();

    public static final AlertRule NO_ALERTMANAGER = AlertRule.builder("KrPrometheusNoAlertmanager")
            .expr(PROMETHEUS.select(KnownSeries.PROMETHEUS_ALERTMANAGERS_DISCOVERED.name()) + " < 1")
            .forDuration("10m").severity(Severity.CRITICAL).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Prometheus has no Alertmanager")
            .description("Prometheus " + label(INSTANCE) + " has discovered no Alertmanager for 10 minutes: "
                    + "no alert reaches anyone.")
            .build();

    public static final AlertRule CONFIG_RELOAD_FAILED = AlertRule.builder("KrPrometheusConfigReloadFailed")
            .expr(PROMETHEUS.select(KnownSeries.PROMETHEUS_CONFIG_RELOAD_SUCCESSFUL.name()) + " == 0")
            .forDuration("10m").severity(Severity.WARNING).dashboardOfService(KrDashboard.SYSTEM_HEALTH)
            .summary("Prometheus configuration reload failed")
            .description("Prometheus " + label(INSTANCE) + " could not load its latest configuration and runs "
                    + "the previous one: changed scrape jobs or rule files are not in effect.")
            .build();

    private MonitoringAlerts() {
    }

    static RuleGroup group() {
        return RuleGroup.alerting(GROUP, WATCHDOG, NOTIFICATIONS_FAILING, ALERTMANAGER_DOWN, RULE_FAILURES,
                SENDING_FAILING, NOTIFICATIONS_DROPPED, NO_ALERTMANAGER, CONFIG_RELOAD_FAILED);
    }
}
