package com.krleads.scraper.worker;

import com.krleads.scraper.core.JobControl;
import com.krleads.scraper.core.JobCounts;
import com.krleads.scraper.queue.JobQueue;
import java.time.Duration;

/** The running job's line back to its worker: progress renews the lease, cancel is read from the job. */
final class WorkerJobControl implements JobControl {
    private final JobQueue queue;
    private final long jobId;
    private final String owner;
    private final Duration lease;
    private volatile boolean leaseLost;

    WorkerJobControl(JobQueue queue, long jobId, String owner, Duration lease) {
        this.queue = queue;
        this.jobId = jobId;
        this.owner = owner;
        this.lease = lease;
    }

    /** A run that lost its lease stops too: another worker may already own the job. */
    @Override
    public boolean isCancelled() {
        return leaseLost || queue.isCancelRequested(jobId);
    }

    @Override
    public void pageDone(JobCounts soFar) {
        if (!queue.saveProgress(jobId, owner, soFar, lease)) {
            leaseLost = true;
        }
    }

    void renew() {
        if (!leaseLost && !queue.renewLease(jobId, owner, lease)) {
            leaseLost = true;
        }
    }

    boolean leaseLost() {
        return leaseLost;
    }
}
