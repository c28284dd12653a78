package com.krleads.scraper.worker;

import com.krleads.scraper.core.job.Job;

/** A job a worker is running: what the heartbeat renews, and interrupts once it is overdue. */
final class RunningJob {
    final Job job;
    final String owner;
    final WorkerJobControl control;
    final Thread thread;
    final long startedNanos;
    /** Known once the source is read; null before. */
    volatile String sourceName;

    RunningJob(Job job, String owner, WorkerJobControl control, Thread thread, long startedNanos) {
        this.job = job;
        this.owner = owner;
        this.control = control;
        this.thread = thread;
        this.startedNanos = startedNanos;
    }
}
