package com.krleads.scraper.worker;

import com.krleads.scraper.core.job.JobControl;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.quality.JobQuality;
import com.krleads.scraper.queue.JobQueue;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The running job's line back to its worker: progress renews the lease, cancel is read from the
 * job (at most every {@link #CANCEL_POLL_MILLIS}, since the pipeline asks before every item and step).
 */
final class WorkerJobControl implements JobControl {
    static final long CANCEL_POLL_MILLIS = 200;

    private final JobQueue queue;
    private final long jobId;
    private final String owner;
    private final Duration lease;
    private volatile boolean leaseLost;
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private volatile String endedEarly;
    private volatile JobQuality quality;
    private boolean cancelSeen;
    private long cancelReadNanos;
    private boolean cancelRead;

    WorkerJobControl(JobQueue queue, long jobId, String owner, Duration lease) {
        this.queue = queue;
        this.jobId = jobId;
        this.owner = owner;
        this.lease = lease;
    }

    /** A run that lost its lease stops too: another worker may already own the job. */
    @Override
    public boolean isCancelled() {
        if (leaseLost || cancelSeen) {
            return true;
        }
        long now = System.nanoTime();
        if (!cancelRead || now - cancelReadNanos >= CANCEL_POLL_MILLIS * 1_000_000) {
            cancelSeen = queue.isCancelRequested(jobId);
            cancelReadNanos = now;
            cancelRead = true;
        }
        return cancelSeen;
    }

    @Override
    public void endedEarly(String reason) {
        endedEarly = reason;
    }

    @Override
    public void qualityMeasured(JobQuality soFar) {
        quality = soFar;
    }

    /** The run's last measured quality, or null when it parsed no page. */
    JobQuality quality() {
        return quality;
    }

    /** Why the run ended before its last page, or null. */
    String endedEarlyReason() {
        return endedEarly;
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

    /** The run is past its hard deadline: never renewed again, and it stops as if cancelled. True the first time. */
    boolean abandon() {
        leaseLost = true;
        return abandoned.compareAndSet(false, true);
    }

    boolean abandoned() {
        return abandoned.get();
    }
}
