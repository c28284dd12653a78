package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.BACKGROUND_TASK_FAILURES;
import static com.krleads.metrics.MetricCatalog.CONTACT_VERIFICATIONS;
import static com.krleads.metrics.MetricCatalog.DUPLICATES_DETECTED;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_DECODE_REPLACEMENTS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEMS_FOUND;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEM_FIELDS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS_ACTIVE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_DURATION;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_ENRICHMENTS;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.metrics.LabelValues.ContactType;
import com.krleads.metrics.LabelValues.DuplicateAction;
import com.krleads.metrics.LabelValues.EnrichmentMethod;
import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.metrics.LabelValues.QueueName;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.LabelValues.VerificationStatus;
import com.krleads.metrics.Labels;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.quality.FieldCounts;
import com.krleads.scraper.metrics.bridge.LabelledFamily;
import java.time.Duration;
import java.util.List;

/**
 * Records what the pipeline and the workers report into the catalog families. Source names
 * are user-defined, so each family that carries them is guarded against unbounded values,
 * or collapsed to {@link Labels#COLLAPSED} when labels are switched off. Every child whose
 * labels are known in advance is created at 0 before its first event (the closed label sets
 * here, a source's children when it is announced): a series first seen at 1 is invisible to
 * {@code increase()}.
 */
public final class MetricsPipelineEvents implements PipelineEvents {
    private static final double NANOS_PER_SECOND = 1e9;

    private final ServiceMetrics metrics;
    private final boolean includeSources;
    private final CardinalityGuard jobSources;
    private final CardinalityGuard durationSources;
    private final CardinalityGuard resultSources;
    private final CardinalityGuard activeSources;
    private final CardinalityGuard decodeSources;
    private final CardinalityGuard itemSources;
    private final CardinalityGuard fieldSources;

    public MetricsPipelineEvents(ServiceMetrics metrics, boolean includeSources, int maxSources) {
        this.metrics = metrics;
        this.includeSources = includeSources;
        this.jobSources = metrics.guard(SCRAPING_JOBS, maxSources);
        this.durationSources = metrics.guard(SCRAPING_JOB_DURATION, maxSources);
        this.resultSources = metrics.guard(SCRAPING_RESULTS, maxSources);
        this.activeSources = metrics.guard(SCRAPING_JOBS_ACTIVE, maxSources);
        this.decodeSources = metrics.guard(SCRAPING_DECODE_REPLACEMENTS, maxSources);
        this.itemSources = metrics.guard(SCRAPING_ITEMS_FOUND, maxSources);
        this.fieldSources = metrics.guard(SCRAPING_ITEM_FIELDS, maxSources);
        createClosedLabelSets();
    }

    private void createClosedLabelSets() {
        for (QueueName queue : QueueName.values()) {
            for (QueueJobStatus status : QueueJobStatus.values()) {
                metrics.counters(QUEUE_JOBS).labels(queue.label(), status.label());
            }
        }
        for (DuplicateAction action : DuplicateAction.values()) {
            metrics.counters(DUPLICATES_DETECTED).labels(action.label());
        }
        for (EnrichmentMode mode : EnrichmentMode.values()) {
            for (EnrichmentMethod method : EnrichmentMethod.values()) {
                metrics.counters(SMART_SCRAPER_ENRICHMENTS).labels(mode.label(), method.label());
            }
        }
        for (ContactType type : ContactType.values()) {
            for (VerificationStatus status : VerificationStatus.values()) {
                metrics.counters(CONTACT_VERIFICATIONS).labels(type.label(), status.label());
            }
        }
        for (BackgroundTask task : BackgroundTask.values()) {
            metrics.counters(BACKGROUND_TASK_FAILURES).labels(task.label());
        }
    }

    private String source(CardinalityGuard guard, String source) {
        return includeSources ? guard.admit(source) : Labels.COLLAPSED;
    }

    private String announced(CardinalityGuard guard, String source) {
        return includeSources ? guard.admitQuietly(source) : Labels.COLLAPSED;
    }

    /**
     * Creates the source's children at 0: its outcomes, results, decode replacements, duration
     * histogram and active gauge. Past the source limit, those of {@link Labels#OVERFLOW}.
     */
    @Override
    public void sourceKnown(String source) {
        String jobs = announced(jobSources, source);
        for (JobOutcome outcome : JobOutcome.values()) {
            metrics.counters(SCRAPING_JOBS).labels(jobs, outcome.label());
        }
        String results = announced(resultSources, source);
        for (ResultType result : ResultType.values()) {
            metrics.counters(SCRAPING_RESULTS).labels(results, result.label());
        }
        metrics.counters(SCRAPING_DECODE_REPLACEMENTS).labels(announced(decodeSources, source));
        metrics.histograms(SCRAPING_JOB_DURATION).labels(announced(durationSources, source));
        metrics.gauges(SCRAPING_JOBS_ACTIVE).labels(announced(activeSources, source));
        metrics.counters(SCRAPING_ITEMS_FOUND).labels(announced(itemSources, source));
        String fields = announced(fieldSources, source);
        for (ItemField field : ItemField.values()) {
            metrics.counters(SCRAPING_ITEM_FIELDS).labels(fields, field.label());
        }
    }

    /** Also announces the source, for one created through another replica since the last re-read. */
    @Override
    public void jobStarted(String source) {
        sourceKnown(source);
        metrics.gauges(SCRAPING_JOBS_ACTIVE).labels(source(activeSources, source)).inc();
    }

    @Override
    public void jobStopped(String source) {
        String label = includeSources ? activeSources.admitted(source) : Labels.COLLAPSED;
        metrics.gauges(SCRAPING_JOBS_ACTIVE).labels(label).dec();
    }

    @Override
    public void jobFinished(String source, JobOutcome outcome, Duration duration) {
        metrics.counters(SCRAPING_JOBS).labels(source(jobSources, source), outcome.label()).inc();
        metrics.histograms(SCRAPING_JOB_DURATION).labels(source(durationSources, source)).observe(seconds(duration));
    }

    @Override
    public void itemStored(String source, ResultType result) {
        metrics.counters(SCRAPING_RESULTS).labels(source(resultSources, source), result.label()).inc();
    }

    @Override
    public void itemsMeasured(String source, FieldCounts page) {
        metrics.counters(SCRAPING_ITEMS_FOUND).labels(source(itemSources, source)).inc(page.items());
        String fields = source(fieldSources, source);
        for (ItemField field : ItemField.values()) {
            metrics.counters(SCRAPING_ITEM_FIELDS).labels(fields, field.label()).inc(page.count(field));
        }
    }

    /** The name's series go and its slot in each guard is free for another source. */
    @Override
    public void sourceNameReleased(String source) {
        if (!includeSources) {
            return;
        }
        for (CardinalityGuard guard : List.of(jobSources, durationSources, resultSources, activeSources, decodeSources,
                itemSources, fieldSources)) {
            guard.release(source);
        }
        for (LabelledFamily<?> family : List.of(metrics.counters(SCRAPING_JOBS), metrics.histograms(SCRAPING_JOB_DURATION),
                metrics.counters(SCRAPING_RESULTS), metrics.gauges(SCRAPING_JOBS_ACTIVE),
                metrics.counters(SCRAPING_DECODE_REPLACEMENTS), metrics.counters(SCRAPING_ITEMS_FOUND),
                metrics.counters(SCRAPING_ITEM_FIELDS))) {
            family.remove(Labels.SOURCE, source);
        }
    }

    @Override
    public void pageDecoded(String source, int replacements) {
        metrics.counters(SCRAPING_DECODE_REPLACEMENTS).labels(source(decodeSources, source)).inc(replacements);
    }

    @Override
    public void duplicateDetected(DuplicateAction action) {
        metrics.counters(DUPLICATES_DETECTED).labels(action.label()).inc();
    }

    @Override
    public void enriched(EnrichmentMode mode, EnrichmentMethod method, Duration duration) {
        metrics.counters(SMART_SCRAPER_ENRICHMENTS).labels(mode.label(), method.label()).inc();
        metrics.histograms(SMART_SCRAPER_DURATION).labels(method.label()).observe(seconds(duration));
    }

    @Override
    public void contactVerified(ContactType type, VerificationStatus status) {
        metrics.counters(CONTACT_VERIFICATIONS).labels(type.label(), status.label()).inc();
    }

    @Override
    public void queueJob(String queueName, QueueJobStatus status) {
        metrics.counters(QUEUE_JOBS).labels(queueName, status.label()).inc();
    }

    @Override
    public void backgroundTaskFailed(BackgroundTask task) {
        metrics.counters(BACKGROUND_TASK_FAILURES).labels(task.label()).inc();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / NANOS_PER_SECOND;
    }
}
