package com.krleads.dashboards.alerts;

import static com.krleads.dashboards.query.Promql.max;
import static com.krleads.metrics.Labels.JOB;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;
import java.util.List;

/**
 * {@code KrSloEventsAbsent}: a replica is up but an SLO's events series is gone (renamed, or no
 * longer exported), so every burn-rate alert of that SLO is blind. Only for the SLOs whose series
 * exist as soon as the service runs (created at 0 per route); the scraping series exist per
 * source, so an install with no source yet has none and is not alerted.
 */
public final class SloSourceAlerts {
    public static final String NAME = "KrSloEventsAbsent";
    /** The SLOs whose events series must exist while a replica is up. */
    public static final List<ServiceLevelObjective> ALWAYS_PRESENT = List.of(
            ServiceLevelObjectives.API_AVAILABILITY, ServiceLevelObjectives.API_LATENCY);
    private static final Promql Q = Promql.forRules();
    private static final List<AlertRule> ALL = ALWAYS_PRESENT.stream().map(SloSourceAlerts::rule).toList();

    private SloSourceAlerts() {
    }

    public static List<AlertRule> all() {
        return ALL;
    }

    public static AlertRule of(ServiceLevelObjective slo) {
        return ALL.stream().filter(rule -> rule.labels().get(Labels.SLO).equals(slo.name())).findFirst().orElseThrow();
    }

    private static AlertRule rule(ServiceLevelObjective slo) {
        String series = slo.total().series();
        String replicaUp = max(Q.select(KnownSeries.UP.name()), JOB) + " == 1";
        return AlertRule.builder(NAME)
                .expr("absent(" + Q.select(series) + ") and on (" + JOB + ") " + replicaUp)
                .forDuration("15m").severity(Severity.WARNING).label(Labels.SLO, slo.name())
                .dashboard(KrDashboard.SLOS)
                .summary("SLO " + slo.name() + " has no events series")
                .description("A replica of " + Settings.SCRAPE_JOB + " is up but exports no " + series
                        + " for 15 minutes: the " + slo.name() + " burn-rate alerts cannot fire.")
                .build();
    }
}
