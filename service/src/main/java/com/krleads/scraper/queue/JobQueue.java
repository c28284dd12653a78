package com.krleads.scraper.queue;

import com.krleads.metrics.LabelValues.QueueName;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobCreation;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.lead.StorableText;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.JobQueueDao;
import com.krleads.scraper.db.SourceDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The database-backed job queue. A claim sets the job running with a lease that its worker
 * renews; a job whose lease ran out (its worker died) is recovered by {@link #recoverExpired()}.
 * Claims never hand one job to two workers, also across processes sharing one database.
 */
public class JobQueue {
    /** The queue of scraping jobs; its name is also the {@code queue_name} label value. */
    public static final String SCRAPING = QueueName.SCRAPING.label();
    private static final int H2_CLAIM_CANDIDATES = 8;
    private static final int MAX_ERROR_LENGTH = 4000;

    private final Jdbi jdbi;
    private final JobDao jobs;
    private final JobQueueDao queue;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final boolean postgres;

    public JobQueue(Jdbi jdbi, Clock clock, int maxAttempts, Duration retryBackoff) {
        this.jdbi = jdbi;
        this.jobs = jdbi.onDemand(JobDao.class);
        this.queue = jdbi.onDemand(JobQueueDao.class);
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.postgres = isPostgres(jdbi);
    }

    public Job enqueue(long sourceId, String queueName) {
        long id = jobs.insert(sourceId, queueName, clock.instant());
        return jobs.findById(id).orElseThrow();
    }

    /**
     * Queues a job unless the source already has one queued or running. The source's row is
     * locked first, so for concurrent callers the check and the insert are one step, on
     * PostgreSQL and H2 alike: at most one of them queues a job.
     */
    public Enqueued enqueueUnlessActive(long sourceId, String queueName) {
        return jdbi.inTransaction(h -> {
            if (h.attach(SourceDao.class).lockById(sourceId).isEmpty()) {
                return new Enqueued(Enqueued.Outcome.NO_SOURCE, null);
            }
            JobDao dao = h.attach(JobDao.class);
            Optional<Job> active = dao.findActive(sourceId);
            if (active.isPresent()) {
                return new Enqueued(Enqueued.Outcome.ALREADY_ACTIVE, active.get());
            }
            long id = dao.insert(sourceId, queueName, clock.instant());
            return new Enqueued(Enqueued.Outcome.QUEUED, dao.findById(id).orElseThrow());
        });
    }

    /** What {@link #enqueueUnlessActive} did: the job queued, or the job that was already active. */
    public record Enqueued(Outcome outcome, Job job) {
        public enum Outcome { QUEUED, ALREADY_ACTIVE, NO_SOURCE }
    }

    /** This queue as {@link JobCreation} asks it, for the jobs of {@code queueName}. */
    public JobCreation.Queue forCreation(String queueName) {
        return sourceId -> {
            Enqueued enqueued = enqueueUnlessActive(sourceId, queueName);
            return new JobCreation.Enqueued(switch (enqueued.outcome()) {
                case QUEUED -> JobCreation.Outcome.QUEUED;
                case ALREADY_ACTIVE -> JobCreation.Outcome.ALREADY_ACTIVE;
                case NO_SOURCE -> JobCreation.Outcome.SOURCE_GONE;
            }, enqueued.job());
        };
    }

    /** Takes the next due job of the queue for {@code owner}, or nothing when none is due. */
    public Optional<Job> claim(String queueName, String owner, Duration lease) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        Optional<Long> claimed = postgres
                ? claimWithSkipLocked(queueName, owner, leaseUntil, now)
                : claimWithConditionalUpdate(queueName, owner, leaseUntil, now);
        return claimed.flatMap(jobs::findById);
    }

    private Optional<Long> claimWithSkipLocked(String queueName, String owner, Instant leaseUntil, Instant now) {
        return jdbi.inTransaction(h -> {
            JobQueueDao dao = h.attach(JobQueueDao.class);
            Optional<Long> id = dao.lockNextDue(queueName, now);
            id.ifPresent(jobId -> dao.markRunning(jobId, owner, leaseUntil, now));
            return id;
        });
    }

    /** H2 has no SKIP LOCKED: try the oldest due jobs in turn; the status check admits one claimer. */
    private Optional<Long> claimWithConditionalUpdate(String queueName, String owner, Instant leaseUntil,
                                                      Instant now) {
        List<Long> due = queue.findDue(queueName, now, H2_CLAIM_CANDIDATES);
        for (long id : due) {
            if (queue.markRunning(id, owner, leaseUntil, now) == 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** @return false when {@code owner} no longer holds the job (lease expired and taken over) */
    public boolean renewLease(long jobId, String owner, Duration lease) {
        return queue.renewLease(jobId, owner, clock.instant().plus(lease)) == 1;
    }

    /** Saves progress and renews the lease in one go; false when the lease was lost. */
    public boolean saveProgress(long jobId, String owner, JobCounts soFar, Duration lease) {
        return jdbi.inTransaction(h -> h.attach(JobDao.class).saveProgress(jobId, owner, soFar) == 1
                && h.attach(JobQueueDao.class).renewLease(jobId, owner, clock.instant().plus(lease)) == 1);
    }

    public boolean complete(long jobId, String owner, JobCounts counts) {
        return complete(jobId, owner, counts, null);
    }

    /** {@code note}, when not null, says why the run ended before its last page; it becomes the job's message. */
    public boolean complete(long jobId, String owner, JobCounts counts, String note) {
        return queue.finish(jobId, owner, JobStatus.COMPLETED.value(), counts, clock.instant(),
                note == null ? null : truncate(note)) == 1;
    }

    /** Ends a run that stopped because the job was cancelled while running. */
    public boolean markCancelled(long jobId, String owner, JobCounts counts) {
        return queue.finish(jobId, owner, JobStatus.CANCELLED.value(), counts, clock.instant(), null) == 1;
    }

    /**
     * Records a failed attempt: queued again after an exponential backoff while attempts
     * remain, else failed. The error is kept either way.
     *
     * @return the job's status afterwards, or empty when {@code owner} had lost the job
     */
    public Optional<JobStatus> fail(Job running, String owner, String error) {
        return fail(running, owner, error, true);
    }

    /** As {@link #fail(Job, String, String)}; {@code retry} false fails the job at once, whatever the attempts left. */
    public Optional<JobStatus> fail(Job running, String owner, String error, boolean retry) {
        String message = truncate(error);
        Instant now = clock.instant();
        if (!retry || running.attempts() >= maxAttempts) {
            return queue.fail(running.id(), owner, message, now) == 1
                    ? Optional.of(JobStatus.FAILED) : Optional.empty();
        }
        Instant runAfter = now.plus(backoff(running.attempts()));
        return queue.retryLater(running.id(), owner, runAfter, message) == 1
                ? Optional.of(JobStatus.QUEUED) : Optional.empty();
    }

    /** Delay after attempt {@code attempt} (1-based): retryBackoff, then doubled each attempt. */
    public Duration backoff(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
    }

    /** Gives a running job back to the queue (graceful shutdown); the attempt does not count. */
    public boolean release(long jobId, String owner) {
        return queue.release(jobId, owner, clock.instant()) == 1;
    }

    /** Re-queues (or fails, when out of attempts) the jobs whose lease has expired. */
    public int recoverExpired() {
        return queue.recoverExpired(clock.instant(), maxAttempts, "lease expired: the worker stopped renewing it");
    }

    /** Cancels a queued job at once, or asks a running job to stop before its next item or step. */
    public CancelResult cancel(long jobId) {
        return jdbi.inTransaction(h -> {
            JobQueueDao dao = h.attach(JobQueueDao.class);
            if (dao.cancelQueued(jobId, clock.instant()) == 1) {
                return CancelResult.CANCELLED;
            }
            if (dao.requestCancel(jobId) == 1) {
                return CancelResult.REQUESTED;
            }
            return h.attach(JobDao.class).findById(jobId).isPresent() ? CancelResult.NOT_CANCELLABLE
                    : CancelResult.NOT_FOUND;
        });
    }

    public boolean isCancelRequested(long jobId) {
        return jobs.cancelRequested(jobId).orElse(false);
    }

    public long countQueued(String queueName) {
        return queue.countQueued(queueName);
    }

    /** How long the oldest job that is due has been waiting; zero when none is. */
    public Duration oldestQueuedAge(String queueName) {
        Instant now = clock.instant();
        return queue.oldestDue(queueName, now).map(oldest -> Duration.between(oldest, now)).orElse(Duration.ZERO);
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Which claim strategy to use is read from the JDBC driver's metadata. */
    public static boolean isPostgres(Jdbi jdbi) {
        String product = jdbi.withHandle(h -> {
            try {
                return h.getConnection().getMetaData().getDatabaseProductName();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the database product name", e);
            }
        });
        return product.toLowerCase(Locale.ROOT).contains("postgresql");
    }

    /** Storable on both databases: control characters (NUL) removed, cut to the column. */
    private static String truncate(String error) {
        String message = StorableText.clean(error);
        return StorableText.truncate(message == null ? "unknown error" : message, MAX_ERROR_LENGTH);
    }

    public enum CancelResult { CANCELLED, REQUESTED, NOT_CANCELLABLE, NOT_FOUND }
}
