package com.krleads.scraper.worker;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.TaskBoundary;
import com.krleads.scraper.queue.JobQueue;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tick of the pool's timer: renews the lease of every running job, each on its own so one
 * failure costs one renewal; ends the runs past their hard deadline; re-queues the jobs whose
 * worker (in any process) died. A run past its deadline (the job timeout plus a grace period)
 * is stuck inside a step that never asks the deadline: its lease is not renewed again, the job
 * is failed for good (which ends the lease) and its worker interrupted.
 */
final class LeaseHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final JobQueue queue;
    private final PipelineEvents events;
    private final String queueName;
    private final Duration hardDeadline;

    LeaseHeartbeat(JobQueue queue, PipelineEvents events, String queueName, Duration hardDeadline) {
        this.queue = queue;
        this.events = events;
        this.queueName = queueName;
        this.hardDeadline = hardDeadline;
    }

    void tick(Collection<RunningJob> running) {
        for (RunningJob run : running) {
            try {
                if (overdue(run)) {
                    endOverdue(run);
                } else {
                    run.control.renew();
                }
            } catch (Throwable failure) {
                TaskBoundary.caught(BackgroundTask.LEASE_HEARTBEAT, events, "Lease renewal of job " + run.job.id(),
                        failure);
            }
        }
        try {
            int recovered = queue.recoverExpired();
            if (recovered > 0) {
                LOG.warn("Recovered {} job(s) whose lease expired", recovered);
            }
        } catch (Throwable failure) {
            TaskBoundary.caught(BackgroundTask.LEASE_HEARTBEAT, events, "Recovery of expired leases", failure);
        }
    }

    private boolean overdue(RunningJob run) {
        return hardDeadline != null && System.nanoTime() - run.startedNanos > hardDeadline.toNanos();
    }

    private void endOverdue(RunningJob run) {
        if (!run.control.abandon()) {
            return;
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - run.startedNanos);
        String why = "interrupted after " + ran.toSeconds() + " s: past the job deadline plus its grace period ("
                + hardDeadline.toSeconds() + " s in all) inside one step; the leads stored so far are kept";
        LOG.error("Job {} ({}): {}; its worker {} is interrupted", run.job.id(), run.sourceName, why, run.owner);
        run.thread.interrupt();
        Optional<JobStatus> after = queue.fail(run.job, run.owner, why, false);
        if (after.isPresent()) {
            events.queueJob(queueName, QueueJobStatus.FAILED);
            if (run.sourceName != null) {
                events.jobFinished(run.sourceName, JobOutcome.FAILED, ran);
            }
        }
    }
}
