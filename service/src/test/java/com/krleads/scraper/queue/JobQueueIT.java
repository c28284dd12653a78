package com.krleads.scraper.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.queue.JobQueue.CancelResult;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobQueueIT {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private Jdbi jdbi;
    private JobQueue queue;
    private JobDao jobs;
    private long sourceId;

    private void open(TestDatabase db) {
        jdbi = db.freshJdbi();
        queue = new JobQueue(jdbi, clock, 3, Duration.ofSeconds(10));
        jobs = jdbi.onDemand(JobDao.class);
        sourceId = Fixtures.insertSource(jdbi, "busan-shops");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void detectsTheDatabaseFromTheDriver(TestDatabase db) {
        open(db);
        assertThat(queue.isPostgres()).isEqualTo(db == TestDatabase.POSTGRES);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimTakesTheOldestDueJobAndLeasesIt(TestDatabase db) {
        open(db);
        Job first = queue.enqueue(sourceId, JobQueue.SCRAPING);
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue(sourceId, JobQueue.SCRAPING);
        queue.enqueue(sourceId, "other");

        Job claimed = queue.claim(JobQueue.SCRAPING, "w1", LEASE).orElseThrow();

        assertThat(claimed.id()).isEqualTo(first.id());
        assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.leaseOwner()).isEqualTo("w1");
        assertThat(claimed.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(claimed.startedAt()).isNotNull();
        assertThat(queue.countQueued(JobQueue.SCRAPING)).isEqualTo(1);
        assertThat(queue.countQueued("other")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nothingToClaimWhenTheQueueIsEmpty(TestDatabase db) {
        open(db);
        assertThat(queue.claim(JobQueue.SCRAPING, "w1", LEASE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void failedAttemptsBackOffExponentiallyThenFailWithTheErrorKept(TestDatabase db) {
        open(db);
        long id = queue.enqueue(sourceId, JobQueue.SCRAPING).id();

        Job attempt1 = queue.claim(JobQueue.SCRAPING, "w1", LEASE).orElseThrow();
        assertThat(queue.fail(attempt1, "w1", "timeout")).contains(JobStatus.QUEUED);
        assertThat(jobs.findById(id).orElseThrow().runAfter()).isEqualTo(clock.instant().plusSeconds(10));
        assertThat(queue.claim(JobQueue.SCRAPING, "w1", LEASE)).as("not due during the backoff").isEmpty();

        clock.advance(Duration.ofSeconds(10));
        Job attempt2 = queue.claim(JobQueue.SCRAPING, "w1", LEASE).orElseThrow();
        assertThat(queue.fail(attempt2, "w1", "timeout again")).contains(JobStatus.QUEUED);
        assertThat(jobs.findById(id).orElseThrow().runAfter()).isEqualTo(clock.instant().plusSeconds(20));

        clock.advance(Duration.ofSeconds(20));
        Job attempt3 = queue.claim(JobQueue.SCRAPING, "w1", LEASE).orElseThrow();
        assertThat(attempt3.attempts()).isEqualTo(3);
        assertThat(queue.fail(attempt3, "w1", "HTTP 503 from directory.example.kr")).contains(JobStatus.FAILED);

        Job failed = jobs.findById(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("HTTP 503 from directory.example.kr");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(failed.leaseOwner()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyTheLeaseOwnerMayRenewSaveOrComplete(TestDatabase db) {
        open(db);
        long id = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        queue.claim(JobQueue.SCRAPING, "w1", LEASE).orElseThrow();

        assertThat(queue.renewLease(id, "intruder", LEASE)).isFalse();
        assertThat(queue.saveProgress(id, "intruder", new JobCounts(9, 9, 9, 9), LEASE)).isFalse();
        assertThat(queue.complete(id, "intruder", JobCounts.NONE)).isFalse();

        clock.advance(Duration.ofSeconds(5));
        assertThat(queue.saveProgress(id, "w1", new JobCounts(2, 10, 1, 0), LEASE)).isTrue();
        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(job.counts()).isEqualTo(new JobCounts(2, 10, 1, 0));

        assertThat(queue.complete(id, "w1", new JobCounts(3, 12, 2, 1))).isTrue();
        Job done = jobs.findById(id).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.counts()).isEqualTo(new JobCounts(3, 12, 2, 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExpiredLeaseRequeuesTheJobForAnotherWorker(TestDatabase db) {
        open(db);
        long id = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        queue.claim(JobQueue.SCRAPING, "dead-worker", LEASE).orElseThrow();

        assertThat(queue.recoverExpired()).as("lease still valid").isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(queue.recoverExpired()).isEqualTo(1);

        Job retaken = queue.claim(JobQueue.SCRAPING, "w2", LEASE).orElseThrow();
        assertThat(retaken.id()).isEqualTo(id);
        assertThat(retaken.attempts()).isEqualTo(2);
        assertThat(queue.complete(id, "dead-worker", JobCounts.NONE)).as("the dead worker lost it").isFalse();
        assertThat(queue.complete(id, "w2", JobCounts.NONE)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExpiredLeaseOnTheLastAttemptFailsTheJob(TestDatabase db) {
        open(db);
        JobQueue once = new JobQueue(jdbi, clock, 1, Duration.ofSeconds(10));
        long id = once.enqueue(sourceId, JobQueue.SCRAPING).id();
        once.claim(JobQueue.SCRAPING, "dead-worker", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));

        once.recoverExpired();

        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorMessage()).contains("lease expired");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cancelStopsQueuedJobsAtOnceAndFlagsRunningOnes(TestDatabase db) {
        open(db);
        long running = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        queue.claim(JobQueue.SCRAPING, "w1", LEASE).orElseThrow();
        long queued = queue.enqueue(sourceId, JobQueue.SCRAPING).id();

        assertThat(queue.cancel(queued)).isEqualTo(CancelResult.CANCELLED);
        assertThat(jobs.findById(queued).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);

        assertThat(queue.isCancelRequested(running)).isFalse();
        assertThat(queue.cancel(running)).isEqualTo(CancelResult.REQUESTED);
        assertThat(queue.isCancelRequested(running)).isTrue();
        assertThat(queue.markCancelled(running, "w1", new JobCounts(1, 3, 0, 0))).isTrue();
        assertThat(jobs.findById(running).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);

        assertThat(queue.cancel(running)).isEqualTo(CancelResult.NOT_CANCELLABLE);
        assertThat(queue.cancel(999_999)).isEqualTo(CancelResult.NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void releaseGivesTheJobBackWithoutCountingTheAttempt(TestDatabase db) {
        open(db);
        long id = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        queue.claim(JobQueue.SCRAPING, "w1", LEASE).orElseThrow();

        assertThat(queue.release(id, "w1")).isTrue();

        Job job = jobs.findById(id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempts()).isZero();
        assertThat(job.leaseOwner()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theOldestDueJobsAgeIsMeasuredFromWhenItBecameDue(TestDatabase db) {
        open(db);
        assertThat(queue.oldestQueuedAge(JobQueue.SCRAPING)).isZero();
        queue.enqueue(sourceId, JobQueue.SCRAPING);
        clock.advance(Duration.ofMinutes(3));
        queue.enqueue(sourceId, JobQueue.SCRAPING);

        assertThat(queue.oldestQueuedAge(JobQueue.SCRAPING)).isEqualTo(Duration.ofMinutes(3));
        assertThat(queue.countQueued(JobQueue.SCRAPING)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fourClaimersShareFiftyJobsEachExactlyOnce(TestDatabase db) throws Exception {
        open(db);
        int jobCount = 50;
        for (int i = 0; i < jobCount; i++) {
            queue.enqueue(sourceId, JobQueue.SCRAPING);
        }
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String owner = "w" + w;
            workers.add(pool.submit(() -> {
                go.await();
                Optional<Job> job;
                while ((job = queue.claim(JobQueue.SCRAPING, owner, LEASE)).isPresent()) {
                    runs.computeIfAbsent(job.get().id(), k -> new AtomicInteger()).incrementAndGet();
                    assertThat(queue.complete(job.get().id(), owner, JobCounts.NONE)).isTrue();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : workers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(runs).hasSize(jobCount);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(jobs.listByStatus("completed", 100)).hasSize(jobCount);
    }

    /** A clock the test moves by hand; claims compare against it, not against the wall. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
