package com.krleads.scraper.core.job;

import com.krleads.scraper.core.source.Source;

/**
 * Runs one scraping job from its source's start page to the last page, storing leads as it
 * goes. Implemented by the scraping pipeline; called by the queue workers.
 */
public interface JobRunner {
    /**
     * @return what the run produced; a run stopped by {@link JobControl#isCancelled()} returns
     *     what it had produced so far
     * @throws Exception when the run failed (the worker retries or fails the job)
     */
    JobCounts run(Job job, Source source, JobControl control) throws Exception;
}
