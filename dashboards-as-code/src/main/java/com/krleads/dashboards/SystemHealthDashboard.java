package com.krleads.dashboards;

import static com.krleads.dashboards.DashboardDefaults.HTTP;
import static com.krleads.dashboards.DashboardDefaults.Q;
import static com.krleads.dashboards.query.Promql.legend;
import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.max;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.metrics.Labels.AREA;
import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.GC;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;

import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.query.Promql;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.LabelValues.HealthCheckName;
import com.krleads.metrics.LabelValues.JvmMemoryArea;
import com.krleads.metrics.ServiceLevelObjectives;

/** Is the service up and healthy: targets, health checks, traffic, workers, utilisation and saturation, the JVM. */
public final class SystemHealthDashboard {
    /** The probe's series: its own scrape job, no replica. */
    private static final Promql PROBE = Promql.forProbeDashboards();

    private SystemHealthDashboard() {
    }

    public static Dashboard build() {
        return DashboardDefaults.dashboard(KrDashboard.SYSTEM_HEALTH,
                        "Service health indicators, request and error rates, latency, workers and queue backlog, "
                                + "CPU, uptime, restarts and running build, file descriptors, Jetty and database pools, "
                                + "JVM memory, garbage collection and threads.")
                .row("Service health")
                .panel(apiUp()).panel(healthCheck("Database", HealthCheckName.DATABASE))
                .panel(healthCheck("Queue", HealthCheckName.QUEUE)).panel(healthCheck("Ollama", HealthCheckName.OLLAMA))
                .row("Outside-in probe")
                .panel(probeUp()).panel(probeSuccess()).panel(probeDuration())
                .row("Traffic")
                .panel(requestRateByStatus()).panel(errorRate()).panel(averageLatency())
                .row("Workers")
                .panel(workersAndBacklog())
                .row("Process and build")
                .panel(SaturationPanels.cpu()).panel(SaturationPanels.uptime()).panel(SaturationPanels.restarts())
                .panel(SaturationPanels.runningBuild())
                .row("Saturation")
                .panel(SaturationPanels.fileDescriptors()).panel(SaturationPanels.jettyBusy())
                .panel(SaturationPanels.jettyPool()).panel(SaturationPanels.databasePool())
                .row("JVM")
                .panel(heapMemory()).panel(nonHeapMemory()).panel(gcTime()).panel(threads())
                .build();
    }

    static PanelBuilder<?> apiUp() {
        String up = Q.select(KnownSeries.UP.name());
        return DashboardDefaults.upDown("API up", "Whether Prometheus's last scrape of each selected replica succeeded.",
                up, legend(INSTANCE));
    }

    /** The blackbox exporter's last probe of the API, per probed address. */
    static PanelBuilder<?> probeUp() {
        String success = Promql.min(PROBE.select(KnownSeries.PROBE_SUCCESS.name()), INSTANCE);
        return DashboardDefaults.upDown("API probe", "Whether the blackbox exporter's last request to the API (the outside-in "
                        + "probe of job " + Settings.PROBE_JOB + ", every " + Settings.PROBE_INTERVAL + ") succeeded.",
                        success, legend(INSTANCE))
                .size(6, 8);
    }

    static PanelBuilder<?> probeSuccess() {
        return DashboardDefaults.timeseries("Probe success", "Share of the probe's requests that succeeded over the rate interval, "
                                + "per probed address: below 100% the API failed a client from outside.", DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query("avg_over_time(" + PROBE.select(KnownSeries.PROBE_SUCCESS.name()) + "["
                        + Promql.RATE_INTERVAL + "])", legend(INSTANCE)))
                .thresholds(DashboardDefaults.sloThresholds(ServiceLevelObjectives.API_AVAILABILITY))
                .noValue("no probe")
                .min(0).max(1)
                .size(9, 8);
    }

    static PanelBuilder<?> probeDuration() {
        return DashboardDefaults.timeseries("Probe duration", "How long the probe's request took, per probed address (connection, "
                                + "request and answer).", DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.query(max(PROBE.select(KnownSeries.PROBE_DURATION_SECONDS.name()), INSTANCE), legend(INSTANCE)))
                .noValue("no probe")
                .fillOpacity(0)
                .size(9, 8);
    }

    /** The worst value over the selected replicas: one unhealthy replica turns the tile red. */
    static PanelBuilder<?> healthCheck(String title, HealthCheckName check) {
        String expr = Promql.min(Q.select(HEALTH_CHECK_STATUS.name(), matchEqual(CHECK, check.label())));
        return DashboardDefaults.upDown(title, "The " + check.label() + " health check of the service (worst of the selected replicas).",
                expr, title);
    }

    static PanelBuilder<?> requestRateByStatus() {
        return DashboardDefaults.timeseries("Request rate by status", "Requests per second by HTTP status code.",
                        DashboardDefaults.UNIT_REQUESTS_PER_SECOND)
                .target(DashboardDefaults.query(HTTP.requests(STATUS), legend(STATUS)))
                .noValue("no requests")
                .size(8, 8);
    }

    static PanelBuilder<?> errorRate() {
        return DashboardDefaults.timeseries("Error rate", "Share of requests answered with a 5xx status; \"no traffic\" "
                                + "while no request is served.", DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(HTTP.serverErrorRatio(), "5xx ratio"))
                .noValue("no traffic")
                .thresholds(DashboardDefaults.sloErrorThresholds(ServiceLevelObjectives.API_AVAILABILITY))
                .min(0)
                .size(8, 8);
    }

    static PanelBuilder<?> averageLatency() {
        return DashboardDefaults.timeseries("Average latency", "Mean request latency: rate of the duration sum over rate of the "
                                + "count; \"no requests\" while idle.", DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.query(Q.average(HTTP_REQUEST_DURATION), "mean"))
                .noValue("no requests")
                .size(8, 8);
    }

    static PanelBuilder<?> workersAndBacklog() {
        return DashboardDefaults.timeseries("Busy workers and queue backlog", "Workers busy with a job (summed over replicas) "
                                + "against jobs waiting in the shared queue (largest value reported).", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.select(WORKERS_ACTIVE.name()), QUEUE_NAME), "busy " + legend(QUEUE_NAME)))
                .target(DashboardDefaults.query(max(Q.select(QUEUE_SIZE.name()), QUEUE_NAME), "waiting " + legend(QUEUE_NAME)))
                .size(24, 8);
    }

    static PanelBuilder<?> heapMemory() {
        String area = matchEqual(AREA, JvmMemoryArea.HEAP.label());
        return DashboardDefaults.timeseries("JVM heap", "Heap used and its maximum, per replica.", DashboardDefaults.UNIT_BYTES)
                .target(DashboardDefaults.query(sum(Q.select(KnownSeries.JVM_MEMORY_BYTES_USED.name(), area), INSTANCE),
                        "used " + legend(INSTANCE)))
                .target(DashboardDefaults.query(sum(Q.select(KnownSeries.JVM_MEMORY_BYTES_MAX.name(), area), INSTANCE),
                        "max " + legend(INSTANCE)))
                .fillOpacity(0);
    }

    static PanelBuilder<?> nonHeapMemory() {
        return DashboardDefaults.timeseries("JVM non-heap and resident memory", "Non-heap used (metaspace, code cache) and the "
                                + "process's resident memory, per replica.", DashboardDefaults.UNIT_BYTES)
                .target(DashboardDefaults.query(sum(Q.select(KnownSeries.JVM_MEMORY_BYTES_USED.name(),
                        matchEqual(AREA, JvmMemoryArea.NONHEAP.label())), INSTANCE), "non-heap " + legend(INSTANCE)))
                .target(DashboardDefaults.query(sum(Q.select(KnownSeries.PROCESS_RESIDENT_MEMORY_BYTES.name()), INSTANCE),
                        "resident " + legend(INSTANCE)))
                .fillOpacity(0);
    }

    static PanelBuilder<?> gcTime() {
        return DashboardDefaults.timeseries("GC time", "Share of wall time spent in garbage collection, per replica and collector.",
                        DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(sum(Q.rate(KnownSeries.JVM_GC_COLLECTION_SECONDS.sum()), INSTANCE, GC),
                        legend(INSTANCE, GC)));
    }

    static PanelBuilder<?> threads() {
        return DashboardDefaults.timeseries("JVM threads", "Live and daemon threads, summed over the selected replicas.",
                        DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.select(KnownSeries.JVM_THREADS_CURRENT.name())), "live"))
                .target(DashboardDefaults.query(sum(Q.select(KnownSeries.JVM_THREADS_DAEMON.name())), "daemon"))
                .fillOpacity(0);
    }
}
