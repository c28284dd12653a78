package com.krleads.dashboards;

import com.krleads.dashboards.model.Annotation;
import com.krleads.dashboards.model.BarGaugePanel;
import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.DashboardLink;
import com.krleads.dashboards.model.DataSourceRef;
import com.krleads.dashboards.model.StatPanel;
import com.krleads.dashboards.model.Target;
import com.krleads.dashboards.model.Threshold;
import com.krleads.dashboards.model.TimeseriesPanel;
import com.krleads.dashboards.model.Variable;
import com.krleads.dashboards.query.HttpQueries;
import com.krleads.dashboards.query.Promql;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.ServiceLevelObjective;
import java.math.BigDecimal;

/**
 * The defaults every dashboard of {@link KrDashboard} shares: the datasource, variables, links and
 * annotations of a dashboard, the panel and query factories, units, colors and thresholds.
 */
public final class DashboardDefaults {
    /** Every panel and variable query uses the datasource variable, never the pinned uid. */
    public static final DataSourceRef DATASOURCE = DataSourceRef.of(Settings.DATASOURCE_TYPE,
            "${" + Settings.DATASOURCE_VARIABLE + "}");
    /** Every dashboard query goes through this, so every selector follows {@code $job} and {@code $instance}. */
    public static final Promql Q = Promql.forDashboards();

    /** Request and 5xx rates, through {@link #Q}. */
    public static final HttpQueries HTTP = new HttpQueries(Q);

    public static final String UNIT_REQUESTS_PER_SECOND = "reqps";
    public static final String UNIT_OPS_PER_SECOND = "ops";
    public static final String UNIT_SECONDS = "s";
    public static final String UNIT_RATIO = "percentunit";
    public static final String UNIT_PERCENT = "percent";
    public static final String UNIT_BYTES = "bytes";
    public static final String UNIT_COUNT = "short";

    public static final String GREEN = "green";
    public static final String ORANGE = "orange";
    public static final String RED = "red";
    public static final String BLUE = "blue";

    public static final String RESTARTS_ANNOTATION = "Restarts";
    public static final String VERSIONS_ANNOTATION = "Version changes";

    /** Bars of counts per interval are at least this wide. */
    public static final String COUNT_INTERVAL = "5m";

    private DashboardDefaults() {
    }

    /**
     * A dashboard with the house defaults: the {@code generated} tag, the variables of the
     * monitoring mixins ({@code datasource}, {@code job} starting on ours, {@code instance} with
     * All), Grafana's annotations, markers of restarts and version changes, and links to the others.
     */
    public static Dashboard.Builder dashboard(KrDashboard which, String description) {
        return dashboard(which, description, "Service replicas of the selected job");
    }

    /**
     * A dashboard whose panels are judged per job over every replica (the SLOs, as the alerts
     * judge them): the instance variable narrows only the restart and version markers.
     */
    public static Dashboard.Builder jobLevelDashboard(KrDashboard which, String description) {
        return dashboard(which, description, "Service replicas of the selected job: narrows the restart and version "
                + "markers only, the panels count every replica as the alerts do");
    }

    private static Dashboard.Builder dashboard(KrDashboard which, String description, String instanceDescription) {
        Dashboard.Builder builder = Dashboard.builder(which.uid(), which.title())
                .description(description)
                .tags("generated", "kr-lead-scraper")
                .variable(Variable.datasource(Settings.DATASOURCE_VARIABLE, "Data source", Settings.DATASOURCE_TYPE,
                        Settings.DATASOURCE_UID, Settings.DATASOURCE_NAME))
                .variable(Variable.multiQueryDefaulting(Labels.JOB, "Job",
                        "Prometheus scrape job of the service (" + Settings.SCRAPE_JOB + " unless yours is named otherwise)",
                        DATASOURCE, jobQuery(), Settings.SCRAPE_JOB))
                .variable(Variable.multiQuery(Labels.INSTANCE, "Instance", instanceDescription, DATASOURCE, instanceQuery()))
                .annotation(Annotation.builtInGrafana())
                .annotation(Annotation.prometheus(RESTARTS_ANNOTATION, DATASOURCE, ORANGE, restarts()))
                .annotation(Annotation.prometheus(VERSIONS_ANNOTATION, DATASOURCE, BLUE, versionChanges()));
        for (KrDashboard other : KrDashboard.values()) {
            if (other != which) {
                builder.link(DashboardLink.toDashboard(other.title(), other.uid()));
            }
        }
        return builder;
    }

    /** A replica whose process start time changed within the rate window: it restarted there. */
    static String restarts() {
        return "changes(" + Q.select(KnownSeries.PROCESS_START_TIME_SECONDS.name()) + "[" + Promql.RATE_INTERVAL + "]) > 0";
    }

    /**
     * A {@code build_info} series that did not exist one rate window earlier: a replica started
     * with a version or revision it did not run before (a deploy, or a new replica).
     */
    static String versionChanges() {
        String info = Q.select(MetricCatalog.BUILD_INFO.name());
        return info + " unless (" + info + " offset " + Promql.RATE_INTERVAL + ")";
    }

    /** The job drop-down: every scrape job Prometheus knows. */
    static String jobQuery() {
        return "label_values(" + KnownSeries.UP.name() + ", " + Labels.JOB + ")";
    }

    /** The instance drop-down: every target of the selected jobs. */
    static String instanceQuery() {
        String up = Promql.selector(KnownSeries.UP.name(), Promql.matchRegex(Labels.JOB, Promql.variable(Labels.JOB)));
        return "label_values(" + up + ", " + Labels.INSTANCE + ")";
    }

    public static TimeseriesPanel timeseries(String title, String description, String unit) {
        return TimeseriesPanel.builder().title(title).description(description).unit(unit).datasource(DATASOURCE);
    }

    public static StatPanel stat(String title, String description, String unit) {
        return StatPanel.builder().title(title).description(description).unit(unit).datasource(DATASOURCE);
    }

    public static BarGaugePanel barGauge(String title, String description, String unit) {
        return BarGaugePanel.builder().title(title).description(description).unit(unit).datasource(DATASOURCE);
    }

    /** A range query with a legend. */
    public static Target.Builder query(String expr, String legend) {
        return Target.builder(expr).legend(legend);
    }

    /** An instant query (latest value only) with a legend. */
    public static Target.Builder instant(String expr, String legend) {
        return Target.builder(expr).legend(legend).instant();
    }

    /**
     * One color, no judgement: for counts and rates that are neither good nor bad. Explicit, so
     * Grafana's default (red from 80) never colors a tile.
     */
    public static Threshold.Steps informational() {
        return Threshold.Steps.absolute(Threshold.base(BLUE));
    }

    /** Green at or above {@code good}, orange at or above {@code fair}, red below: for success ratios. */
    public static Threshold.Steps higherIsBetter(double fair, double good) {
        return Threshold.Steps.absolute(Threshold.base(RED), Threshold.at(fair, ORANGE), Threshold.at(good, GREEN));
    }

    /** Green below {@code warn}, orange from it, red from {@code bad}: for errors and latency. */
    public static Threshold.Steps lowerIsBetter(double warn, double bad) {
        return Threshold.Steps.absolute(Threshold.base(GREEN), Threshold.at(warn, ORANGE), Threshold.at(bad, RED));
    }

    /**
     * Colors of a success ratio judged by an objective: green meeting it, orange while spending
     * the budget up to twice as fast as the period allows, red faster.
     */
    public static Threshold.Steps sloThresholds(ServiceLevelObjective slo) {
        return higherIsBetter(slo.objective().subtract(slo.errorBudget()).doubleValue(), slo.objective().doubleValue());
    }

    /** The same judgement on the share of bad events: orange from the budget, red from twice it. */
    public static Threshold.Steps sloErrorThresholds(ServiceLevelObjective slo) {
        return lowerIsBetter(slo.errorBudget().doubleValue(), slo.errorBudget().multiply(BigDecimal.valueOf(2)).doubleValue());
    }

    /** A 0/1 health tile: DOWN in red, UP in green. */
    public static StatPanel upDown(String title, String description, String expr, String legend) {
        return stat(title, description, "none")
                .target(instant(expr, legend))
                .noSparkline()
                .colorBackground()
                .colorByThresholds()
                .thresholds(Threshold.Steps.absolute(Threshold.base(RED), Threshold.at(1, GREEN)))
                .mapValue(0, "DOWN", RED)
                .mapValue(1, "UP", GREEN)
                .noValue("no data")
                .size(6, 4);
    }
}
