package com.krleads.metrics;

import java.util.Locale;

/**
 * The bounded label values of our families, as enums, so that both the recording code and the
 * dashboards' queries use the same words. {@link #label()} is the value as exposed.
 */
public final class LabelValues {
    private LabelValues() {
    }

    /** Values of {@code scraping_jobs_total{status}}: how a job ended. */
    public enum JobOutcome implements Value { COMPLETED, FAILED, CANCELLED }

    /** Values of {@code scraping_results_total{result_type}}. */
    public enum ResultType implements Value { NEW, UPDATED, ERROR }

    /** Values of {@code duplicates_detected_total{action}}. */
    public enum DuplicateAction implements Value { AUTO_MERGE, CANDIDATE }

    /** Values of {@code queue_jobs_total{status}}. */
    public enum QueueJobStatus implements Value { STARTED, FINISHED, FAILED }

    /** Values of {@code smart_scraper_*{method}}: what produced the fields. */
    public enum EnrichmentMethod implements Value { LLM, HEURISTIC }

    /** Values of {@code smart_scraper_enrichments_total{mode}}: the configured mode. */
    public enum EnrichmentMode implements Value { OFF, AUTO, ALWAYS }

    /** Values of {@code contact_verifications_total{contact_type}}. */
    public enum ContactType implements Value { EMAIL, PHONE }

    /** Values of {@code contact_verifications_total{status}}. */
    public enum VerificationStatus implements Value { VALID, INVALID, UNKNOWN }

    /** Values of {@code queue_name} on the queue and worker families. */
    public enum QueueName implements Value { SCRAPING }

    /** Names of the Dropwizard health checks, the values of {@code health_check_status{check}}. */
    public enum HealthCheckName implements Value { DATABASE, QUEUE, OLLAMA, DEADLOCKS }

    /** Values of {@code background_task_failures_total{task}}: the loops and timers that must never die. */
    public enum BackgroundTask implements Value { WORKER, LEASE_HEARTBEAT, KEYS_RELOAD, DEMO_JOBS }

    /** Values of {@code jvm_memory_bytes_*{area}} (simpleclient_hotspot). */
    public enum JvmMemoryArea implements Value { HEAP, NONHEAP }

    /**
     * Values of {@code field} on the item-coverage families: the fields of a listing item.
     * {@code PHONE} is a phone shown on the item, {@code PHONE_VALID} one that normalised to E.164.
     */
    public enum ItemField implements Value { NAME, PHONE, PHONE_VALID, EMAIL, WEBSITE, ADDRESS, CATEGORY }

    /** Values of {@code source_yield_finding{finding}}: a job's yield against its source's baseline. */
    public enum YieldFinding implements Value { ZERO_YIELD, YIELD_DROP }

    /** A label value: the enum constant's name in lower case. */
    public interface Value {
        String name();

        default String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
