package com.krleads.metrics;

/** Every label name used by our families, and the ones Prometheus and the JVM collectors add. */
public final class Labels {
    public static final String METHOD = "method";
    public static final String ENDPOINT = "endpoint";
    public static final String STATUS = "status";
    public static final String ERROR_TYPE = "error_type";
    public static final String SOURCE = "source";
    public static final String RESULT_TYPE = "result_type";
    public static final String ACTION = "action";
    public static final String MODE = "mode";
    public static final String CONTACT_TYPE = "contact_type";
    public static final String QUEUE_NAME = "queue_name";
    public static final String CHECK = "check";
    public static final String TASK = "task";
    /** A field of a listing item, on the item-coverage families. */
    public static final String FIELD = "field";
    /** A yield finding of a source's last completed job. */
    public static final String FINDING = "finding";
    /** Names the family whose label overflowed, on {@code metrics_label_overflow_total}. */
    public static final String FAMILY = "family";
    /** The running build's version, on {@code build_info}. */
    public static final String VERSION = "version";
    /** The source revision the running build was made from, on {@code build_info}. */
    public static final String REVISION = "revision";

    /** The objective a recording rule or burn-rate alert belongs to (set by our rules). */
    public static final String SLO = "slo";
    /** Labels Prometheus puts on its {@code ALERTS} series: the alert's name and pending or firing. */
    public static final String ALERTNAME = "alertname";
    public static final String ALERTSTATE = "alertstate";
    /** Set by our alert rules: critical pages, warning opens a ticket. */
    public static final String SEVERITY = "severity";
    /** Alertmanager's notifier, on its own {@code alertmanager_notifications_*} families. */
    public static final String INTEGRATION = "integration";
    /** Prometheus's own labels: the rule group of a failed evaluation, the Alertmanager a notification went to. */
    public static final String RULE_GROUP = "rule_group";
    public static final String ALERTMANAGER = "alertmanager";

    /** Added by the Prometheus client to histogram buckets. */
    public static final String LE = "le";
    /** Added by Prometheus to every scraped series. */
    public static final String INSTANCE = "instance";
    /** Added by Prometheus to every scraped series. */
    public static final String JOB = "job";
    /** JVM collector labels (simpleclient_hotspot). */
    public static final String AREA = "area";
    public static final String POOL = "pool";
    public static final String GC = "gc";
    public static final String STATE = "state";

    /** Value that replaces endpoint or source when {@code METRICS_INCLUDE_LABELS} is false. */
    public static final String COLLAPSED = "all";
    /** Value for requests that matched no route. */
    public static final String UNMATCHED = "unmatched";
    /** Value past the cardinality limit of a user-defined label. */
    public static final String OVERFLOW = "other";

    private Labels() {
    }
}
