package com.krleads.dashboards;

import static com.krleads.dashboards.DashboardDefaults.HTTP;
import static com.krleads.dashboards.DashboardDefaults.Q;
import static com.krleads.dashboards.query.Promql.legend;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.query.Promql.topk;
import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.ERROR_TYPE;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_ERRORS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS_IN_PROGRESS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.ServiceLevelObjectives.API_AVAILABILITY;
import static com.krleads.metrics.ServiceLevelObjectives.LATENCY_THRESHOLD_SECONDS;

import com.krleads.dashboards.model.BarGaugePanel;
import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.FieldConfig;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.model.TablePanel;

/** Traffic, errors and latency of the REST API, from the HTTP families. */
public final class ApiMetricsDashboard {
    private static final String REQUESTS_COLUMN = "Requests/s";
    private static final String P95_COLUMN = "p95 (s)";
    private static final String EXCEPTIONS_COLUMN = "Exceptions/s";

    private ApiMetricsDashboard() {
    }

    public static Dashboard build() {
        return DashboardDefaults.dashboard(KrDashboard.API_METRICS,
                        "Request and error rates, latency percentiles and the busiest and slowest endpoints of the API.")
                .row("Overview")
                .panel(requestRate()).panel(serverErrorRate()).panel(successRate()).panel(inProgress())
                .row("Traffic")
                .panel(requestsByEndpoint()).panel(requestsByStatus())
                .panel(activeRequests()).panel(errorRatio())
                .row("Latency")
                .panel(latencyPercentiles()).panel(p95ByEndpoint())
                .row("Endpoints")
                .panel(topEndpoints()).panel(slowestEndpoints()).panel(endpointTable())
                .row("Errors")
                .panel(errorsByType()).panel(errorsByEndpoint())
                .build();
    }

    static PanelBuilder<?> requestRate() {
        return DashboardDefaults.stat("Request rate", "Requests per second over the rate interval, all endpoints.",
                        DashboardDefaults.UNIT_REQUESTS_PER_SECOND)
                .target(DashboardDefaults.query(HTTP.requests(), "requests/s"))
                .colorByThresholds()
                .thresholds(DashboardDefaults.informational())
                .noValue("0");
    }

    static PanelBuilder<?> serverErrorRate() {
        return DashboardDefaults.stat("Server errors (5xx)", "Responses with a 5xx status per second over the rate interval.",
                        DashboardDefaults.UNIT_REQUESTS_PER_SECOND)
                .target(DashboardDefaults.query(HTTP.serverErrorsOrZero(), "5xx/s"))
                .colorByThresholds()
                .thresholds(DashboardDefaults.lowerIsBetter(0.01, 0.1))
                .noValue("0");
    }

    static PanelBuilder<?> successRate() {
        return DashboardDefaults.stat("Success rate", "Share of requests answered without a 5xx status over the rate interval; "
                                + "green meets the " + API_AVAILABILITY.objectivePercent() + " availability objective; "
                                + "\"no traffic\" while no request is served.", DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(HTTP.successRatio(), "success"))
                .colorByThresholds()
                .thresholds(DashboardDefaults.sloThresholds(API_AVAILABILITY))
                .noValue("no traffic")
                .min(0).max(1);
    }

    static PanelBuilder<?> inProgress() {
        return DashboardDefaults.stat("Requests in progress", "Requests being handled right now, all selected replicas.",
                        DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.select(HTTP_REQUESTS_IN_PROGRESS.name())), "in progress"))
                .colorByThresholds()
                .thresholds(DashboardDefaults.informational())
                .noValue("0");
    }

    static PanelBuilder<?> requestsByEndpoint() {
        return DashboardDefaults.timeseries("Requests by endpoint",
                        "Requests per second by route template (requests that matched no route share one value).",
                        DashboardDefaults.UNIT_REQUESTS_PER_SECOND)
                .target(DashboardDefaults.query(HTTP.requests(ENDPOINT), legend(ENDPOINT)));
    }

    static PanelBuilder<?> requestsByStatus() {
        return DashboardDefaults.timeseries("Requests by status", "Requests per second by HTTP status code; 5xx in red.",
                        DashboardDefaults.UNIT_REQUESTS_PER_SECOND)
                .target(DashboardDefaults.query(HTTP.requests(STATUS), legend(STATUS)))
                .override(FieldConfig.Override.fixedColor(DashboardDefaults.RED, "500", "502", "503", "504"))
                .stacked();
    }

    static PanelBuilder<?> activeRequests() {
        return DashboardDefaults.timeseries("Active requests", "Requests in flight by method and endpoint.", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.select(HTTP_REQUESTS_IN_PROGRESS.name()), METHOD, ENDPOINT),
                        legend(METHOD, ENDPOINT)));
    }

    static PanelBuilder<?> errorRatio() {
        return DashboardDefaults.timeseries("Server error ratio", "Share of requests answered with a 5xx status; "
                                + "\"no traffic\" while no request is served.", DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(HTTP.serverErrorRatio(), "5xx ratio"))
                .noValue("no traffic")
                .thresholds(DashboardDefaults.sloErrorThresholds(API_AVAILABILITY))
                .min(0);
    }

    static PanelBuilder<?> latencyPercentiles() {
        return DashboardDefaults.timeseries("Latency percentiles", "p50, p95 and p99 request latency over all endpoints, "
                                + "from the histogram buckets (aggregates correctly across replicas).", DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.query(Q.histogramQuantile(0.5, HTTP_REQUEST_DURATION), "p50"))
                .target(DashboardDefaults.query(Q.histogramQuantile(0.95, HTTP_REQUEST_DURATION), "p95"))
                .target(DashboardDefaults.query(Q.histogramQuantile(0.99, HTTP_REQUEST_DURATION), "p99"))
                .noValue("no requests")
                .fillOpacity(0);
    }

    static PanelBuilder<?> p95ByEndpoint() {
        return DashboardDefaults.timeseries("p95 latency by endpoint", "95th percentile latency of each route template.",
                        DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.query(Q.histogramQuantile(0.95, HTTP_REQUEST_DURATION, ENDPOINT), legend(ENDPOINT)))
                .noValue("no requests")
                .fillOpacity(0);
    }

    static PanelBuilder<?> topEndpoints() {
        return DashboardDefaults.barGauge("Top endpoints by request rate", "The ten busiest route templates right now.",
                        DashboardDefaults.UNIT_REQUESTS_PER_SECOND)
                .target(DashboardDefaults.instant(topk(10, HTTP.requests(ENDPOINT)), legend(ENDPOINT)))
                .colorByThresholds()
                .thresholds(DashboardDefaults.informational())
                .noValue("no requests");
    }

    static PanelBuilder<?> slowestEndpoints() {
        return DashboardDefaults.barGauge("Slowest endpoints (p95)",
                        "The ten route templates with the highest p95 latency right now; orange from the "
                        + "latency objective's threshold.",
                        DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.instant(topk(10, Q.histogramQuantile(0.95, HTTP_REQUEST_DURATION, ENDPOINT)),
                        legend(ENDPOINT)))
                .colorByThresholds()
                .thresholds(DashboardDefaults.lowerIsBetter(LATENCY_THRESHOLD_SECONDS, 2 * LATENCY_THRESHOLD_SECONDS))
                .noValue("no requests");
    }

    static PanelBuilder<?> endpointTable() {
        return TablePanel.builder()
                .title("Endpoints")
                .description("Per method and route: request rate, p95 latency and exceptions per second.")
                .datasource(DashboardDefaults.DATASOURCE)
                .target(DashboardDefaults.instant(HTTP.requests(METHOD, ENDPOINT), "").tableFormat())
                .target(DashboardDefaults.instant(Q.histogramQuantile(0.95, HTTP_REQUEST_DURATION, METHOD, ENDPOINT), "").tableFormat())
                .target(DashboardDefaults.instant(sum(Q.rate(HTTP_ERRORS.name()), METHOD, ENDPOINT), "").tableFormat())
                .mergeColumns(REQUESTS_COLUMN, P95_COLUMN, EXCEPTIONS_COLUMN)
                .override(FieldConfig.Override.unit(DashboardDefaults.UNIT_REQUESTS_PER_SECOND, REQUESTS_COLUMN))
                .override(FieldConfig.Override.unit(DashboardDefaults.UNIT_SECONDS, P95_COLUMN))
                .override(FieldConfig.Override.unit(DashboardDefaults.UNIT_OPS_PER_SECOND, EXCEPTIONS_COLUMN))
                .sortDescendingBy(REQUESTS_COLUMN)
                .noValue("no requests")
                .decimals(3);
    }

    static PanelBuilder<?> errorsByType() {
        return DashboardDefaults.timeseries("Errors by type", "Exceptions raised while handling requests, per second, by exception class.",
                        DashboardDefaults.UNIT_OPS_PER_SECOND)
                .target(DashboardDefaults.query(sum(Q.rate(HTTP_ERRORS.name()), ERROR_TYPE), legend(ERROR_TYPE)))
                .noValue("0")
                .bars();
    }

    static BarGaugePanel errorsByEndpoint() {
        return DashboardDefaults.barGauge("Exceptions by endpoint", "Exceptions per route template in the selected range.",
                        DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.instant(topk(10, sum(Q.increaseInRange(HTTP_ERRORS.name()), ENDPOINT)), legend(ENDPOINT)))
                .colorByThresholds()
                .thresholds(DashboardDefaults.lowerIsBetter(1, 10))
                .noValue("0")
                .decimals(0);
    }
}
