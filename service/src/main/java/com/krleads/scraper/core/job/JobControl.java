package com.krleads.scraper.core.job;

import com.krleads.scraper.core.quality.JobQuality;

/** What a running job asks of the worker that runs it, as it goes. */
public interface JobControl {
    /** True once the job was cancelled through the API; the run stops before its next item or step. */
    boolean isCancelled();

    /** Reports progress after each page; the worker saves it and renews the job's lease. */
    void pageDone(JobCounts soFar);

    /** Reports the run's yield and field coverage so far, after each page; kept with the job when it ends. */
    default void qualityMeasured(JobQuality soFar) {
    }

    /** Records why a run that completes ended before its last page (kept as the job's message). */
    default void endedEarly(String reason) {
    }
}
