package com.krleads.dashboards.rules;

import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.rules.Templates.label;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.INTEGRATION;
import static com.krleads.metrics.Labels.JOB;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rules.AlertRule.Severity;
import com.krleads.metrics.KnownSeries;

/** Alerts about alerting itself: the dead man's switch and Alertmanager's health. */
public final class MonitoringAlerts {
    public static final String GROUP = "kr-lead-scraper.monitoring";
    /** Alertmanager's own series, selected by its scrape job. */
    private static final Promql ALERTMANAGER = Promql.forJob(Settings.ALERTMANAGER_JOB);

    /**
     * Always firing. Routed to a receiver of its own that pings an external heartbeat: when the
     * pings stop, Prometheus, Alertmanager or the path between them is broken.
     */
    public static final AlertRule WATCHDOG = AlertRule.builder("Watchdog")
            .expr("vector(1)")
            .immediately().severity(Severity.NONE).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Alerting pipeline heartbeat")
            .description("Always firing, on purpose: a dead man's switch. An external heartbeat service expects this "
                    + "notification; if it stops arriving, Prometheus or Alertmanager is broken.")
            .build();

    public static final AlertRule NOTIFICATIONS_FAILING = AlertRule.builder("KrAlertmanagerNotificationsFailing")
            .expr(sum(ALERTMANAGER.rateOver("5m", KnownSeries.ALERTMANAGER_NOTIFICATIONS_FAILED.name()),
                    JOB, INSTANCE, INTEGRATION) + " > 0")
            .forDuration("5m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Alertmanager cannot deliver notifications")
            .description("Alertmanager " + label(INSTANCE) + " fails to deliver notifications through "
                    + label(INTEGRATION) + ": alerts routed there reach nobody.")
            .build();

    public static final AlertRule ALERTMANAGER_DOWN = AlertRule.builder("KrAlertmanagerDown")
            .expr(ALERTMANAGER.select(KnownSeries.UP.name()) + " == 0")
            .forDuration("5m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Alertmanager down")
            .description("Prometheus cannot scrape Alertmanager " + label(INSTANCE) + ": alerts may not be delivered.")
            .build();

    private MonitoringAlerts() {
    }

    static RuleGroup group() {
        return RuleGroup.alerting(GROUP, WATCHDOG, NOTIFICATIONS_FAILING, ALERTMANAGER_DOWN);
    }
}
