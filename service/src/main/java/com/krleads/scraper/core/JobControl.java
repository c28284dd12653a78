package com.krleads.scraper.core;

/** What a running job asks of the worker that runs it, between pages. */
public interface JobControl {
    /** True once the job was cancelled through the API; the run stops after the current page. */
    boolean isCancelled();

    /** Reports progress after each page; the worker saves it and renews the job's lease. */
    void pageDone(JobCounts soFar);
}
