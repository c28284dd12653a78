package com.krleads.scraper.worker;

import com.krleads.scraper.core.Job;
import com.krleads.scraper.core.JobControl;
import com.krleads.scraper.core.JobCounts;
import com.krleads.scraper.core.JobRunner;
import com.krleads.scraper.core.Source;

/** Stands in while no scraping pipeline is wired: every job fails, loudly, with no results. */
public final class MissingJobRunner implements JobRunner {
    public static final String MESSAGE = "no job runner configured";

    @Override
    public JobCounts run(Job job, Source source, JobControl control) {
        throw new IllegalStateException(MESSAGE);
    }
}
