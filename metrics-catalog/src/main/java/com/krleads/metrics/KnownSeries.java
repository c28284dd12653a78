package com.krleads.metrics;

import static com.krleads.metrics.Labels.AREA;
import static com.krleads.metrics.Labels.GC;
import static com.krleads.metrics.Labels.POOL;
import static com.krleads.metrics.Labels.STATE;

import java.util.List;

/**
 * Families the service does not declare but that dashboards and rules may query: Prometheus's
 * own {@code up} and self-monitoring families, Alertmanager's notification counters, the blackbox
 * exporter's probe series, the JVM and process families of {@code simpleclient_hotspot}, and the
 * Jetty and database pool meters Dropwizard exports.
 */
public final class KnownSeries {
    public static final MetricFamily UP = MetricFamily.gauge(
            "up", "1 when Prometheus's last scrape of the target succeeded (set by Prometheus).");

    /**
     * Prometheus's own series of every pending or firing alert, with the alert's labels (for our
     * rules: {@code job}, {@code severity}, and {@code slo} on the burn-rate alerts); value 1.
     */
    public static final MetricFamily ALERTS = MetricFamily.gauge(
            "ALERTS", "1 for every alert that is pending or firing (set by Prometheus).",
            Labels.ALERTNAME, Labels.ALERTSTATE, Labels.SEVERITY, Labels.SLO);

    /** Alertmanager's own metrics (Prometheus scrapes Alertmanager too). */
    public static final MetricFamily ALERTMANAGER_NOTIFICATIONS = MetricFamily.counter(
            "alertmanager_notifications_total", "Notifications Alertmanager attempted, per integration.",
            Labels.INTEGRATION);
    public static final MetricFamily ALERTMANAGER_NOTIFICATIONS_FAILED = MetricFamily.counter(
            "alertmanager_notifications_failed_total", "Notifications Alertmanager failed to deliver, per integration.",
            Labels.INTEGRATION);

    /** The blackbox exporter's result of the outside-in probe of the API (its probe job's series). */
    public static final MetricFamily PROBE_SUCCESS = MetricFamily.gauge(
            "probe_success", "1 when the blackbox exporter's last probe succeeded (set by the blackbox exporter).");
    public static final MetricFamily PROBE_DURATION_SECONDS = MetricFamily.gauge(
            "probe_duration_seconds", "How long the blackbox exporter's last probe took, in seconds.");

    /** Prometheus's own metrics (it scrapes itself): the rules alert when its side of alerting breaks. */
    public static final MetricFamily PROMETHEUS_RULE_EVALUATION_FAILURES = MetricFamily.counter(
            "prometheus_rule_evaluation_failures_total", "Rule evaluations that failed, per rule group.", Labels.RULE_GROUP);
    public static final MetricFamily PROMETHEUS_NOTIFICATIONS_ERRORS = MetricFamily.counter(
            "prometheus_notifications_errors_total", "Errors sending alerts to an Alertmanager.", Labels.ALERTMANAGER);
    public static final MetricFamily PROMETHEUS_NOTIFICATIONS_DROPPED = MetricFamily.counter(
            "prometheus_notifications_dropped_total", "Alerts dropped by Prometheus before reaching any Alertmanager.");
    public static final MetricFamily PROMETHEUS_ALERTMANAGERS_DISCOVERED = MetricFamily.gauge(
            "prometheus_notifications_alertmanagers_discovered", "Alertmanagers Prometheus has discovered and is sending to.");
    public static final MetricFamily PROMETHEUS_CONFIG_RELOAD_SUCCESSFUL = MetricFamily.gauge(
            "prometheus_config_last_reload_successful", "1 when Prometheus's last configuration reload succeeded.");

    public static final MetricFamily JVM_MEMORY_BYTES_USED = MetricFamily.gauge(
            "jvm_memory_bytes_used", "Used bytes of a JVM memory area.", AREA);
    public static final MetricFamily JVM_MEMORY_BYTES_MAX = MetricFamily.gauge(
            "jvm_memory_bytes_max", "Max bytes of a JVM memory area.", AREA);
    public static final MetricFamily JVM_MEMORY_POOL_BYTES_USED = MetricFamily.gauge(
            "jvm_memory_pool_bytes_used", "Used bytes of a JVM memory pool.", POOL);
    public static final MetricFamily JVM_GC_COLLECTION_SECONDS = MetricFamily.summary(
            "jvm_gc_collection_seconds", "Time spent in a JVM garbage collector.", GC);
    public static final MetricFamily JVM_THREADS_CURRENT = MetricFamily.gauge(
            "jvm_threads_current", "Current JVM thread count.");
    public static final MetricFamily JVM_THREADS_DAEMON = MetricFamily.gauge(
            "jvm_threads_daemon", "Daemon JVM thread count.");
    public static final MetricFamily JVM_THREADS_STATE = MetricFamily.gauge(
            "jvm_threads_state", "JVM threads by state.", STATE);
    public static final MetricFamily PROCESS_CPU_SECONDS = MetricFamily.counter(
            "process_cpu_seconds_total", "User and system CPU time of the process.");
    public static final MetricFamily PROCESS_RESIDENT_MEMORY_BYTES = MetricFamily.gauge(
            "process_resident_memory_bytes", "Resident memory of the process.");
    public static final MetricFamily PROCESS_OPEN_FDS = MetricFamily.gauge(
            "process_open_fds", "Open file descriptors of the process.");
    public static final MetricFamily PROCESS_START_TIME_SECONDS = MetricFamily.gauge(
            "process_start_time_seconds", "Start time of the process since the epoch, in seconds.");
    public static final MetricFamily PROCESS_MAX_FDS = MetricFamily.gauge(
            "process_max_fds", "Maximum number of open file descriptors of the process (its limit).");

    /*
     * Dropwizard Metrics bridged to Prometheus under their Dropwizard names: the instrumented
     * Jetty pool of the application connectors (Dropwizard names it "dw") and the pool of the
     * data source the service builds as "database".
     */
    public static final MetricFamily JETTY_THREADS = MetricFamily.gauge(
            "org_eclipse_jetty_util_thread_queued_thread_pool_dw_size",
            "Threads in Jetty's request thread pool of the application connectors.");
    public static final MetricFamily JETTY_THREADS_BUSY_OF_MAX = MetricFamily.gauge(
            "org_eclipse_jetty_util_thread_queued_thread_pool_dw_utilization_max",
            "Busy threads of Jetty's request thread pool as a share of its maximum size (1 = saturated).");
    public static final MetricFamily JETTY_QUEUED_JOBS = MetricFamily.gauge(
            "org_eclipse_jetty_util_thread_queued_thread_pool_dw_jobs",
            "Jobs (requests) queued in Jetty's request thread pool, waiting for a thread.");
    public static final MetricFamily DB_POOL_ACTIVE = MetricFamily.gauge(
            "io_dropwizard_db_managed_pooled_data_source_database_active",
            "Connections of the database pool in use.");
    public static final MetricFamily DB_POOL_IDLE = MetricFamily.gauge(
            "io_dropwizard_db_managed_pooled_data_source_database_idle",
            "Connections of the database pool open and idle.");
    public static final MetricFamily DB_POOL_WAITING = MetricFamily.gauge(
            "io_dropwizard_db_managed_pooled_data_source_database_waiting",
            "Threads waiting for a connection of the database pool.");

    public static final List<MetricFamily> ALL = List.of(
            UP, ALERTS, PROBE_SUCCESS, PROBE_DURATION_SECONDS, ALERTMANAGER_NOTIFICATIONS, ALERTMANAGER_NOTIFICATIONS_FAILED, JVM_MEMORY_BYTES_USED, JVM_MEMORY_BYTES_MAX, JVM_MEMORY_POOL_BYTES_USED,
            JVM_GC_COLLECTION_SECONDS, JVM_THREADS_CURRENT, JVM_THREADS_DAEMON, JVM_THREADS_STATE,
            PROCESS_CPU_SECONDS, PROCESS_RESIDENT_MEMORY_BYTES, PROCESS_OPEN_FDS, PROCESS_START_TIME_SECONDS,
            PROCESS_MAX_FDS, JETTY_THREADS, JETTY_THREADS_BUSY_OF_MAX, JETTY_QUEUED_JOBS,
            DB_POOL_ACTIVE, DB_POOL_IDLE, DB_POOL_WAITING, PROMETHEUS_RULE_EVALUATION_FAILURES, PROMETHEUS_NOTIFICATIONS_ERRORS,
            PROMETHEUS_NOTIFICATIONS_DROPPED, PROMETHEUS_ALERTMANAGERS_DISCOVERED, PROMETHEUS_CONFIG_RELOAD_SUCCESSFUL);

    private KnownSeries() {
    }
}
