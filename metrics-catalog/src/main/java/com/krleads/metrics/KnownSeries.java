package com.krleads.metrics;

import static com.krleads.metrics.Labels.AREA;
import static com.krleads.metrics.Labels.GC;
import static com.krleads.metrics.Labels.POOL;
import static com.krleads.metrics.Labels.STATE;

import java.util.List;

/**
 * Families the service does not declare but that dashboards and rules may query: Prometheus's
 * own {@code up} and self-monitoring families, Alertmanager's notification counters, the blackbox
 * exporter's {@code probe_success}, and the JVM and process families of {@code simpleclient_hotspot}.
 */
public final class KnownSeries {
    public static final MetricFamily UP = MetricFamily.gauge(
            "up", "1 when Prometheus's last scrape of the target succeeded (set by Prometheus).");

    /** Alertmanager's own metrics (Prometheus scrapes Alertmanager too). */
    public static final MetricFamily ALERTMANAGER_NOTIFICATIONS = MetricFamily.counter(
            "alertmanager_notifications_total", "Notifications Alertmanager attempted, per integration.",
            Labels.INTEGRATION);
    public static final MetricFamily ALERTMANAGER_NOTIFICATIONS_FAILED = MetricFamily.counter(
            "alertmanager_notifications_failed_total", "Notifications Alertmanager failed to deliver, per integration.",
            Labels.INTEGRATION);

    /** The blackbox exporter's probe of the API from outside (its own scrape job). */
    public static final MetricFamily PROBE_SUCCESS = MetricFamily.gauge(
            "probe_success", "1 when the blackbox exporter's last probe succeeded (set by the blackbox exporter).");

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

    public static final List<MetricFamily> ALL = List.of(
            UP, ALERTMANAGER_NOTIFICATIONS, ALERTMANAGER_NOTIFICATIONS_FAILED, JVM_MEMORY_BYTES_USED, JVM_MEMORY_BYTES_MAX, JVM_MEMORY_POOL_BYTES_USED,
            JVM_GC_COLLECTION_SECONDS, JVM_THREADS_CURRENT, JVM_THREADS_DAEMON, JVM_THREADS_STATE,
            PROCESS_CPU_SECONDS, PROCESS_RESIDENT_MEMORY_BYTES, PROCESS_OPEN_FDS, PROCESS_START_TIME_SECONDS,
            PROBE_SUCCESS, PROMETHEUS_RULE_EVALUATION_FAILURES, PROMETHEUS_NOTIFICATIONS_ERRORS,
            PROMETHEUS_NOTIFICATIONS_DROPPED, PROMETHEUS_ALERTMANAGERS_DISCOVERED, PROMETHEUS_CONFIG_RELOAD_SUCCESSFUL);

    private KnownSeries() {
    }
}
