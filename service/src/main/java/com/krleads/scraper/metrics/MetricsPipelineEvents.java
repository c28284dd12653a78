package com.krleads.scraper.metrics;

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
import com.krleads.scraper.core.PipelineEvents;
import com.krleads.scraper.core.quality.FieldCounts;
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
        this.jobSources = metrics.guard(metrics.scrapingJobs, maxSources);
        this.durationSources = metrics.guard(metrics.scrapingJobDuration, maxSources);
        this.resultSources = metrics.guard(metrics.scrapingResults, maxSources);
        this.activeSources = metrics.guard(metrics.scrapingJobsActive, maxSources);
        this.decodeSources = metrics.guard(metrics.decodeReplacements, maxSources);
        this.itemSources = metrics.guard(metrics.itemsFound, maxSources);
        this.fieldSources = metrics.guard(metrics.itemFields, maxSources);
        createClosedLabelSets();
    }

    private void createClosedLabelSets() {
        for (QueueName queue : QueueName.values()) {
            for (QueueJobStatus status : QueueJobStatus.values()) {
                metrics.queueJobs.labels(queue.label(), status.label());
            }
        }
        for (DuplicateAction action : DuplicateAction.values()) {
            metrics.duplicates.labels(action.label());
        }
        for (EnrichmentMode mode : EnrichmentMode.values()) {
            for (EnrichmentMethod method : EnrichmentMethod.values()) {
                metrics.enrichments.labels(mode.label(), method.label());
            }
        }
        for (ContactType type : ContactType.values()) {
            for (VerificationStatus status : VerificationStatus.values()) {
                metrics.verifications.labels(type.label(), status.label());
            }
        }
        for (BackgroundTask task : BackgroundTask.values()) {
            metrics.backgroundFailures.labels(task.label());
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
            metrics.scrapingJobs.labels(jobs, outcome.label());
        }
        String results = announced(resultSources, source);
        for (ResultType result : ResultType.values()) {
            metrics.scrapingResults.labels(results, result.label());
        }
        metrics.decodeReplacements.labels(announced(decodeSources, source));
        metrics.scrapingJobDuration.labels(announced(durationSources, source));
        metrics.scrapingJobsActive.labels(announced(activeSources, source));
        metrics.itemsFound.labels(announced(itemSources, source));
        String fields = announced(fieldSources, source);
        for (ItemField field : ItemField.values()) {
            metrics.itemFields.labels(fields, field.label());
        }
    }

    /** Also announces the source, for one created through another replica since the last re-read. */
    @Override
    public void jobStarted(String source) {
        sourceKnown(source);
        metrics.scrapingJobsActive.labels(source(activeSources, source)).inc();
    }

    @Override
    public void jobStopped(String source) {
        String label = includeSources ? activeSources.admitted(source) : Labels.COLLAPSED;
        metrics.scrapingJobsActive.labels(label).dec();
    }

    @Override
    public void jobFinished(String source, JobOutcome outcome, Duration duration) {
        metrics.scrapingJobs.labels(source(jobSources, source), outcome.label()).inc();
        metrics.scrapingJobDuration.labels(source(durationSources, source)).observe(seconds(duration));
    }

    @Override
    public void itemStored(String source, ResultType result) {
        metrics.scrapingResults.labels(source(resultSources, source), result.label()).inc();
    }

    @Override
    public void itemsMeasured(String source, FieldCounts page) {
        metrics.itemsFound.labels(source(itemSources, source)).inc(page.items());
        String fields = source(fieldSources, source);
        for (ItemField field : ItemField.values()) {
            metrics.itemFields.labels(fields, field.label()).inc(page.count(field));
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
        for (LabelledFamily<?> family : List.of(metrics.scrapingJobs, metrics.scrapingJobDuration, metrics.scrapingResults,
                metrics.scrapingJobsActive, metrics.decodeReplacements, metrics.itemsFound, metrics.itemFields)) {
            family.remove(Labels.SOURCE, source);
        }
    }

    @Override
    public void pageDecoded(String source, int replacements) {
        metrics.decodeReplacements.labels(source(decodeSources, source)).inc(replacements);
    }

    @Override
    public void duplicateDetected(DuplicateAction action) {
        metrics.duplicates.labels(action.label()).inc();
    }

    @Override
    public void enriched(EnrichmentMode mode, EnrichmentMethod method, Duration duration) {
        metrics.enrichments.labels(mode.label(), method.label()).inc();
        metrics.enrichmentDuration.labels(method.label()).observe(seconds(duration));
    }

    @Override
    public void contactVerified(ContactType type, VerificationStatus status) {
        metrics.verifications.labels(type.label(), status.label()).inc();
    }

    @Override
    public void queueJob(String queueName, QueueJobStatus status) {
        metrics.queueJobs.labels(queueName, status.label()).inc();
    }

    @Override
    public void backgroundTaskFailed(BackgroundTask task) {
        metrics.backgroundFailures.labels(task.label()).inc();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / NANOS_PER_SECOND;
    }
}
