package com.krleads.metrics;

import static com.krleads.metrics.Labels.ACTION;
import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.CONTACT_TYPE;
import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.ERROR_TYPE;
import static com.krleads.metrics.Labels.FAMILY;
import static com.krleads.metrics.Labels.FIELD;
import static com.krleads.metrics.Labels.FINDING;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.MODE;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.RESULT_TYPE;
import static com.krleads.metrics.Labels.REVISION;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.Labels.TASK;
import static com.krleads.metrics.Labels.VERSION;

import java.util.List;

/**
 * The metric families the service records, each declared exactly once. The service records
 * through these objects, and dashboards-as-code builds its queries and rules from them.
 */
public final class MetricCatalog {

    /** HTTP latency: 5 ms to 10 s. */
    static final double[] HTTP_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** A scraping job: one second to an hour. */
    static final double[] JOB_BUCKETS = {1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600};
    /** One enrichment call: an LLM answers in tens of ms to a minute. */
    static final double[] ENRICHMENT_BUCKETS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    public static final MetricFamily HTTP_REQUESTS = MetricFamily.counter(
            "http_requests_total", "HTTP requests handled on the application port.",
            METHOD, ENDPOINT, STATUS);
    public static final MetricFamily HTTP_REQUEST_DURATION = MetricFamily.histogram(
            "http_request_duration_seconds", "Time to handle an HTTP request, in seconds.",
            HTTP_BUCKETS, METHOD, ENDPOINT);
    public static final MetricFamily HTTP_REQUESTS_IN_PROGRESS = MetricFamily.gauge(
            "http_requests_in_progress", "HTTP requests being handled right now.",
            METHOD, ENDPOINT);
    public static final MetricFamily HTTP_ERRORS = MetricFamily.counter(
            "http_errors_total", "Exceptions raised while handling an HTTP request.",
            METHOD, ENDPOINT, ERROR_TYPE);

    public static final MetricFamily SCRAPING_JOBS = MetricFamily.counter(
            "scraping_jobs_total", "Scraping jobs that ended, by outcome.",
            SOURCE, STATUS);
    public static final MetricFamily SCRAPING_JOB_DURATION = MetricFamily.histogram(
            "scraping_job_duration_seconds", "Wall time of one scraping job run, in seconds.",
            JOB_BUCKETS, SOURCE);
    public static final MetricFamily SCRAPING_RESULTS = MetricFamily.counter(
            "scraping_results_total", "Items extracted by scraping jobs, by what became of them.",
            SOURCE, RESULT_TYPE);
    public static final MetricFamily SCRAPING_JOBS_ACTIVE = MetricFamily.gauge(
            "scraping_jobs_active", "Scraping jobs running right now in this process.",
            SOURCE);
    public static final MetricFamily SCRAPING_DECODE_REPLACEMENTS = MetricFamily.counter(
            "scraping_decode_replacements_total", "Characters of fetched pages replaced by U+FFFD because their bytes are not valid in the page's encoding.",
            SOURCE);

    public static final MetricFamily DUPLICATES_DETECTED = MetricFamily.counter(
            "duplicates_detected_total", "Duplicate leads found: merged automatically or stored as candidates.",
            ACTION);

    public static final MetricFamily SMART_SCRAPER_ENRICHMENTS = MetricFamily.counter(
            "smart_scraper_enrichments_total", "Items enriched by the smart scraper, by configured mode and the method that produced the fields.",
            MODE, METHOD);
    public static final MetricFamily SMART_SCRAPER_DURATION = MetricFamily.histogram(
            "smart_scraper_duration_seconds", "Time to enrich one item, in seconds.",
            ENRICHMENT_BUCKETS, METHOD);

    public static final MetricFamily CONTACT_VERIFICATIONS = MetricFamily.counter(
            "contact_verifications_total", "Contact verifications, by contact type and outcome.",
            CONTACT_TYPE, STATUS);

    public static final MetricFamily QUEUE_SIZE = MetricFamily.gauge(
            "queue_size", "Jobs waiting in a queue (status queued), read from the database at scrape time.",
            QUEUE_NAME);
    public static final MetricFamily QUEUE_JOBS = MetricFamily.counter(
            "queue_jobs_total", "Queue jobs taken by this process's workers, by what happened to them.",
            QUEUE_NAME, STATUS);
    public static final MetricFamily HEALTH_CHECK_STATUS = MetricFamily.gauge(
            "health_check_status", "1 when the Dropwizard health check is healthy, 0 when not.",
            CHECK);
    public static final MetricFamily WORKERS_ACTIVE = MetricFamily.gauge(
            "workers_active", "Workers of this process busy with a job.",
            QUEUE_NAME);
    public static final MetricFamily QUEUE_OLDEST_JOB_AGE = MetricFamily.gauge(
            "queue_oldest_job_age_seconds", "Age in seconds of the oldest job waiting (status queued) in a queue, read from the database at scrape time; 0 when none waits.",
            QUEUE_NAME);
    public static final MetricFamily BUILD_INFO = MetricFamily.gauge(
            "build_info", "Always 1; its labels name the version and source revision of the running build.",
            VERSION, REVISION);

    /** Every child ({@link LabelValues.BackgroundTask}) is created at 0. */
    public static final MetricFamily BACKGROUND_TASK_FAILURES = MetricFamily.counter(
            "background_task_failures_total", "Failures that escaped a background task (a worker's job run, the lease heartbeat, the keys-file reload, the demo scheduler), caught at its boundary; the task went on.",
            TASK);

    public static final MetricFamily SCRAPING_ITEMS_FOUND = MetricFamily.counter(
            "scraping_items_found_total", "Items the item selector matched on the listing pages of scraping jobs.",
            SOURCE);
    public static final MetricFamily SCRAPING_ITEM_FIELDS = MetricFamily.counter(
            "scraping_item_fields_total", "Items found that had the field (phone_valid: a phone that normalised to E.164).",
            SOURCE, FIELD);
    public static final MetricFamily SOURCE_LAST_JOB_ITEMS = MetricFamily.gauge(
            "source_last_job_items", "Items found by the source's last completed job, read from the database at scrape time.",
            SOURCE);
    public static final MetricFamily SOURCE_BASELINE_ITEMS = MetricFamily.gauge(
            "source_baseline_items", "Median items of the completed jobs before the source's last one (its baseline), read from the database at scrape time.",
            SOURCE);
    public static final MetricFamily SOURCE_LAST_JOB_TIMESTAMP = MetricFamily.gauge(
            "source_last_job_timestamp_seconds", "Unix time the source's last completed job finished, read from the database at scrape time.",
            SOURCE);
    public static final MetricFamily SOURCE_YIELD_FINDING = MetricFamily.gauge(
            "source_yield_finding", "1 when the source's last completed job raised the yield finding against its baseline, else 0; read from the database at scrape time.",
            SOURCE, FINDING);
    public static final MetricFamily SOURCE_COVERAGE_FINDING = MetricFamily.gauge(
            "source_coverage_finding", "1 when the field's coverage in the source's last completed job fell below its baseline by more than the configured share, else 0; read from the database at scrape time.",
            SOURCE, FIELD);

    /** The service's own bookkeeping: label values replaced by "other" past the cardinality limit. */
    public static final MetricFamily METRICS_LABEL_OVERFLOW = MetricFamily.counter(
            "metrics_label_overflow_total", "Label values replaced by \"other\" because their family reached its limit of distinct values.",
            FAMILY);

    /** Every family of the contract, in its order. */
    public static final List<MetricFamily> ALL = List.of(
            HTTP_REQUESTS, HTTP_REQUEST_DURATION, HTTP_REQUESTS_IN_PROGRESS, HTTP_ERRORS,
            SCRAPING_JOBS, SCRAPING_JOB_DURATION, SCRAPING_RESULTS, SCRAPING_JOBS_ACTIVE,
            SCRAPING_DECODE_REPLACEMENTS, DUPLICATES_DETECTED, SMART_SCRAPER_ENRICHMENTS, SMART_SCRAPER_DURATION,
            CONTACT_VERIFICATIONS, QUEUE_SIZE, QUEUE_JOBS, HEALTH_CHECK_STATUS, WORKERS_ACTIVE,
            QUEUE_OLDEST_JOB_AGE, BUILD_INFO,
            BACKGROUND_TASK_FAILURES, SCRAPING_ITEMS_FOUND, SCRAPING_ITEM_FIELDS, SOURCE_LAST_JOB_ITEMS, SOURCE_BASELINE_ITEMS,
            SOURCE_LAST_JOB_TIMESTAMP, SOURCE_YIELD_FINDING, SOURCE_COVERAGE_FINDING);

    /** Families about the instrumentation itself, recorded besides {@link #ALL}. */
    public static final List<MetricFamily> SELF = List.of(METRICS_LABEL_OVERFLOW);

    private MetricCatalog() {
    }
}
