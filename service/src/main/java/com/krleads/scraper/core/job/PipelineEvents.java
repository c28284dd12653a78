package com.krleads.scraper.core.job;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.metrics.LabelValues.ContactType;
import com.krleads.metrics.LabelValues.DuplicateAction;
import com.krleads.metrics.LabelValues.EnrichmentMethod;
import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.LabelValues.VerificationStatus;
import com.krleads.scraper.core.quality.FieldCounts;
import java.time.Duration;

/**
 * What the pipeline and the workers report as they go. The metrics package implements it;
 * {@link #NONE} ignores everything (tests, and instrumentation switched off).
 */
public interface PipelineEvents {
    PipelineEvents NONE = new PipelineEvents() { };

    /**
     * A source exists (stored at start, just created or renamed, or read again from the
     * database): its series are created at 0 so that its first job is seen by {@code increase()}.
     * Announcing a source again changes nothing.
     */
    default void sourceKnown(String source) { }

    /** An attempt at a job of {@code source} begins; it is active until {@link #jobStopped}. */
    default void jobStarted(String source) { }

    /**
     * The attempt that {@link #jobStarted} announced is over, whatever its end: completed,
     * failed, retried, cancelled, lease lost or interrupted by shutdown. Called exactly once
     * per {@code jobStarted}, from a {@code finally}.
     */
    default void jobStopped(String source) { }

    /** A job reached an outcome (recorded once per job, not per attempt). */
    default void jobFinished(String source, JobOutcome outcome, Duration duration) { }

    default void itemStored(String source, ResultType result) { }

    /** A fetched page was decoded; {@code replacements} byte sequences became U+FFFD (0 for a clean page). */
    default void pageDecoded(String source, int replacements) { }

    /** A page's items were read: how many the item selector matched and how many had each field. */
    default void itemsMeasured(String source, FieldCounts page) { }

    /** A source was deleted or renamed: its name no longer takes a label slot. */
    default void sourceNameReleased(String source) { }

    default void duplicateDetected(DuplicateAction action) { }

    default void enriched(EnrichmentMode mode, EnrichmentMethod method, Duration duration) { }

    default void contactVerified(ContactType type, VerificationStatus status) { }

    default void queueJob(String queueName, QueueJobStatus status) { }

    /** Something escaped {@code task} and was caught at its boundary ({@link TaskBoundary}); the task goes on. */
    default void backgroundTaskFailed(BackgroundTask task) { }
}
