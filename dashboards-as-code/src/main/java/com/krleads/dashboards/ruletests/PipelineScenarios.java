package com.krleads.dashboards.ruletests;

import static com.krleads.dashboards.ruletests.AlertScenarios.SERVICE;
import static com.krleads.dashboards.ruletests.AlertScenarios.TARGET;
import static com.krleads.dashboards.ruletests.AlertScenarios.with;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.INTEGRATION;
import static com.krleads.metrics.Labels.JOB;

import com.krleads.dashboards.Settings;
import com.krleads.dashboards.alerts.AlertRules;
import com.krleads.dashboards.alerts.MonitoringAlerts;
import com.krleads.dashboards.alerts.SloSourceAlerts;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenarios of the alerts that watch the alerting pipeline and the SLOs' inputs: the Watchdog,
 * Alertmanager's and Prometheus's own health, the outside-in probe and the SLO events series.
 */
final class PipelineScenarios {
    private static final String[] ALERTMANAGER = {JOB, Settings.ALERTMANAGER_JOB, INSTANCE, "alertmanager:9093"};
    private static final String[] PROMETHEUS = {JOB, Settings.PROMETHEUS_JOB, INSTANCE, "localhost:9090"};
    private static final String[] PROBE = {JOB, Settings.PROBE_JOB, INSTANCE, "http://haproxy:8080/api/sources"};

    private PipelineScenarios() {
    }

    static List<AlertScenario> all() {
        List<AlertScenario> all = new ArrayList<>(alertmanager());
        all.addAll(prometheus());
        all.add(probeFails());
        all.add(AlertScenario.quiet(AlertRules.PROBE_FAILING)
                .series(KnownSeries.PROBE_SUCCESS.name(), "1 0 1 0 0 0 1 0x3 1x10", PROBE)
                .at("5m").expectNone(AlertRules.PROBE_FAILING).at("15m").expectNone(AlertRules.PROBE_FAILING));
        for (ServiceLevelObjective slo : SloSourceAlerts.ALWAYS_PRESENT) {
            all.addAll(sourceAbsent(slo));
        }
        return all;
    }

    private static List<AlertScenario> alertmanager() {
        AlertRule watchdog = MonitoringAlerts.WATCHDOG;
        AlertRule failing = MonitoringAlerts.NOTIFICATIONS_FAILING;
        AlertRule down = MonitoringAlerts.ALERTMANAGER_DOWN;
        String failed = KnownSeries.ALERTMANAGER_NOTIFICATIONS_FAILED.name();
        String[] email = with(ALERTMANAGER, INTEGRATION, "email");
        return List.of(
                AlertScenario.fires(watchdog).series(KnownSeries.UP.name(), "1x5", TARGET).at("1m").expectAsWritten(watchdog),
                AlertScenario.fires(failing).series(failed, "0+1x20", email)
                        .at("10m").expect(failing, "Alertmanager cannot deliver notifications", "Alertmanager "
                                + ALERTMANAGER[3] + " fails to deliver notifications through email: alerts routed there "
                                + "reach nobody.", with(ALERTMANAGER, INTEGRATION, "email")),
                AlertScenario.quiet(failing).series(failed, "3x20", email).at("10m").expectNone(failing),
                AlertScenario.fires(down).series(KnownSeries.UP.name(), "1 0x10", ALERTMANAGER)
                        .at("7m").expect(down, "Alertmanager down", "Prometheus cannot scrape Alertmanager "
                                + ALERTMANAGER[3] + ": alerts may not be delivered.", ALERTMANAGER),
                AlertScenario.quiet(down).series(KnownSeries.UP.name(), "1x10", ALERTMANAGER).at("7m").expectNone(down));
    }

    private static List<AlertScenario> prometheus() {
        AlertRule rules = MonitoringAlerts.RULE_FAILURES;
        AlertRule sending = MonitoringAlerts.SENDING_FAILING;
        AlertRule dropped = MonitoringAlerts.NOTIFICATIONS_DROPPED;
        AlertRule none = MonitoringAlerts.NO_ALERTMANAGER;
        AlertRule reload = MonitoringAlerts.CONFIG_RELOAD_FAILED;
        String[] group = with(PROMETHEUS, Labels.RULE_GROUP, "/etc/prometheus/rules/kr.yml;kr-lead-scraper.slo");
        String[] target = with(PROMETHEUS, Labels.ALERTMANAGER, "http://alertmanager:9093/api/v2/alerts");
        String failures = KnownSeries.PROMETHEUS_RULE_EVALUATION_FAILURES.name();
        String errors = KnownSeries.PROMETHEUS_NOTIFICATIONS_ERRORS.name();
        String drops = KnownSeries.PROMETHEUS_NOTIFICATIONS_DROPPED.name();
        String discovered = KnownSeries.PROMETHEUS_ALERTMANAGERS_DISCOVERED.name();
        String reloaded = KnownSeries.PROMETHEUS_CONFIG_RELOAD_SUCCESSFUL.name();
        return List.of(
                // One failed evaluation a minute from minute 5.
                AlertScenario.fires(rules).series(failures, "0x5 1+1x20", group)
                        .at("9m").expectNone(rules)
                        .at("15m").expect(rules, "Prometheus rules failing", "Prometheus " + PROMETHEUS[3] + " failed 10 "
                                + "evaluations of rule group " + group[5] + " in 10 minutes: its alerts and recorded series "
                                + "are missing.", group),
                AlertScenario.quiet(rules).series(failures, "2x20", group).at("15m").expectNone(rules),
                AlertScenario.fires(sending).series(errors, "0x5 1+1x20", target)
                        .at("9m").expectNone(sending)
                        .at("15m").expect(sending, "Prometheus cannot send alerts to Alertmanager", "Prometheus "
                                + PROMETHEUS[3] + " failed 10 times in 10 minutes to send alerts to " + target[5] + ".", target),
                AlertScenario.quiet(sending).series(errors, "4x20", target).at("15m").expectNone(sending),
                // Five alerts dropped at minute 5.
                AlertScenario.fires(dropped).series(drops, "0x5 5x20", PROMETHEUS)
                        .at("4m").expectNone(dropped)
                        .at("6m").expect(dropped, "Prometheus dropped alerts", "Prometheus " + PROMETHEUS[3]
                                + " dropped 5 alerts in 10 minutes before any Alertmanager received them.", PROMETHEUS),
                AlertScenario.quiet(dropped).series(drops, "7x20", PROMETHEUS).at("15m").expectNone(dropped),
                AlertScenario.fires(none).series(discovered, "1 0x20", PROMETHEUS)
                        .at("10m").expectNone(none)
                        .at("11m").expect(none, none.summary(), "Prometheus " + PROMETHEUS[3]
                                + " has discovered no Alertmanager for 10 minutes: no alert reaches anyone.", PROMETHEUS),
                AlertScenario.quiet(none).series(discovered, "1x20", PROMETHEUS).at("15m").expectNone(none),
                AlertScenario.fires(reload).series(reloaded, "1 0x20", PROMETHEUS)
                        .at("10m").expectNone(reload)
                        .at("11m").expect(reload, reload.summary(), "Prometheus " + PROMETHEUS[3] + " could not load its "
                                + "latest configuration and runs the previous one: changed scrape jobs or rule files are not "
                                + "in effect.", PROMETHEUS),
                AlertScenario.quiet(reload).series(reloaded, "1 0 1x20", PROMETHEUS).at("15m").expectNone(reload));
    }

    /** Every probe fails from minute 3: after five minutes of failures, the page. */
    private static AlertScenario probeFails() {
        AlertRule probe = AlertRules.PROBE_FAILING;
        return AlertScenario.fires(probe).series(KnownSeries.PROBE_SUCCESS.name(), "1x2 0x20", PROBE)
                .at("7m").expectNone(probe)
                .at("8m").expect(probe, "API unreachable from outside", "Every probe of " + PROBE[3]
                        + " by the blackbox exporter has failed for 5 minutes: clients cannot reach the API.", PROBE);
    }

    /**
     * The replica is up and exports the other SLOs' series but not this one's: the alert fires
     * after 15 minutes, for this SLO only. Quiet while every series exists, and while no replica
     * is up (the target alerts say so).
     */
    private static List<AlertScenario> sourceAbsent(ServiceLevelObjective slo) {
        AlertRule absent = SloSourceAlerts.of(slo);
        String up = KnownSeries.UP.name();
        AlertRule[] all = SloSourceAlerts.all().toArray(AlertRule[]::new);
        AlertScenario fires = AlertScenario.named(absent.name() + " fires for " + slo.name() + " when a replica exports no events")
                .series(up, "1x30", TARGET);
        AlertScenario quiet = AlertScenario.named(absent.name() + " stays quiet for " + slo.name() + " while its events exist")
                .series(up, "1x30", TARGET).series(up, "0x30", JOB, SERVICE, INSTANCE, "app-2:8081");
        for (ServiceLevelObjective other : SloSourceAlerts.ALWAYS_PRESENT) {
            String[] route = with(TARGET, Labels.METHOD, "GET", Labels.ENDPOINT, "/api/leads");
            if (other != slo) {
                fires.series(other.total().series(), "0x30", route);
            }
            quiet.series(other.total().series(), "0x30", route);
        }
        return List.of(
                fires.at("14m").expectNone(all).at("15m").expectAsWritten(absent, JOB, SERVICE),
                quiet.at("20m").expectNone(all),
                AlertScenario.named(absent.name() + " stays quiet for " + slo.name() + " while every replica is down")
                        .series(up, "0x30", TARGET)
                        .at("20m").expectNone(all));
    }
}
