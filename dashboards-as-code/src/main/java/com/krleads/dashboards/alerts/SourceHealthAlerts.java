package com.krleads.dashboards.alerts;

import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.max;
import static com.krleads.dashboards.rulefile.Templates.label;
import static com.krleads.metrics.Labels.FIELD;
import static com.krleads.metrics.Labels.FINDING;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.dashboards.rulefile.RuleGroup;
import com.krleads.metrics.LabelValues.YieldFinding;
import java.util.List;

/**
 * A source that broke: the service compares each completed job with the median of its source's
 * previous completed jobs and exports the findings as 0/1 gauges, read from the database by one
 * replica. The rules fire as soon as a finding is 1 (it holds until the source's next completed
 * job) and take the {@code max} over replicas, so a takeover by another replica changes nothing.
 * Each links to the source-health view filtered to the source.
 */
public final class SourceHealthAlerts {
    public static final String GROUP = "kr-lead-scraper.sources";
    private static final Promql Q = Promql.forRules();
    private static final String SOURCE_VIEW = "var-" + SOURCE + "=" + label(SOURCE);

    public static final AlertRule YIELDS_NOTHING = yieldAlert("KrSourceYieldsNothing", YieldFinding.ZERO_YIELD,
            "Source yields nothing",
            "The last completed job of source " + label(SOURCE) + " found no items where its previous jobs found "
                    + "some (or it is the source's first job): the item selector matches nothing. "
                    + "GET /api/sources/{id} shows the finding, the job's warnings name the page.");

    public static final AlertRule YIELD_COLLAPSED = yieldAlert("KrSourceYieldCollapsed", YieldFinding.YIELD_DROP,
            "Source yield collapsed",
            "The last completed job of source " + label(SOURCE) + " found far fewer items than the median of its "
                    + "previous completed jobs: part of the listing is no longer read.");

    public static final AlertRule FIELD_COVERAGE_COLLAPSED = AlertRule.builder("KrSourceFieldCoverageCollapsed")
            .expr(max(Q.select(SOURCE_COVERAGE_FINDING.name()), JOB, SOURCE, FIELD) + " == 1")
            .immediately().severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS, SOURCE_VIEW)
            .summary("Field coverage of a source collapsed")
            .description("The last completed job of source " + label(SOURCE) + " found the field " + label(FIELD)
                    + " on far fewer of its items than its previous completed jobs did: the field's selector "
                    + "no longer matches.")
            .build();

    private SourceHealthAlerts() {
    }

    public static RuleGroup group() {
        return RuleGroup.alerting(GROUP, YIELDS_NOTHING, YIELD_COLLAPSED, FIELD_COVERAGE_COLLAPSED);
    }

    private static AlertRule yieldAlert(String name, YieldFinding finding, String summary, String description) {
        return AlertRule.builder(name)
                .expr(max(Q.select(SOURCE_YIELD_FINDING.name(), matchEqual(FINDING, finding.label())), JOB, SOURCE) + " == 1")
                .immediately().severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS, SOURCE_VIEW)
                .summary(summary).description(description)
                .build();
    }
}
