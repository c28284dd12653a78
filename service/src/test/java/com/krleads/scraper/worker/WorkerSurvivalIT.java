package com.krleads.scraper.worker;

import static com.krleads.scraper.worker.PoolsUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobRunner;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.RecordingEvents;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever escapes a run or a heartbeat tick, the worker and the heartbeat go on. */
class WorkerSurvivalIT {
    /** Long beside the 25 ms heartbeat, so that only a dead heartbeat lets a lease lapse, even on a slow machine. */
    private static final Duration LEASE = Duration.ofSeconds(2);
    private final RecordingEvents events = new RecordingEvents();
    private final PoolsUnderTest pools = new PoolsUnderTest();
    private Jdbi jdbi;
    private JobDao jobs;
    private long sourceId;

    private JobQueue open(TestDatabase db) {
        jdbi = db.freshJdbi();
        jobs = jdbi.onDemand(JobDao.class);
        sourceId = Fixtures.insertSource(jdbi, "busan-bakeries");
        return queue(1);
    }

    private JobQueue queue(int maxAttempts) {
        return new JobQueue(jdbi, Clock.systemUTC(), maxAttempts, Duration.ofMillis(20));
    }

    private WorkerPool start(JobQueue queue, JobRunner runner, Duration hardDeadline) {
        return pools.start(new WorkerPool(queue, jdbi.onDemand(SourceDao.class), runner, events,
                new WorkerPool.Settings(JobQueue.SCRAPING, 1, Duration.ofMillis(25), LEASE, Duration.ofSeconds(2),
                        hardDeadline)));
    }

    /** One worker whose first run throws, and whose later runs complete. */
    private WorkerPool startFailingTheFirstRun(JobQueue queue, Supplier<Error> thrown) {
        AtomicInteger runs = new AtomicInteger();
        return start(queue, (job, source, control) -> {
            if (runs.getAndIncrement() == 0) {
                throw thrown.get();
            }
            return new JobCounts(1, 1, 0, 0);
        }, null);
    }

    /** The broken job fails, then a next job on the same queue completes. */
    private void awaitFailedThenNextCompleted(JobQueue queue, long broken) {
        await(() -> jobs.findById(broken).orElseThrow().status() == JobStatus.FAILED);
        long next = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        await(() -> jobs.findById(next).orElseThrow().status() == JobStatus.COMPLETED);
    }

    @AfterEach
    void stopPools() throws InterruptedException {
        pools.stopAll();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anErrorInARunFailsThatJobAndTheSameWorkerRunsTheNext(TestDatabase db) {
        JobQueue queue = open(db);
        long broken = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        WorkerPool pool = startFailingTheFirstRun(queue, () -> new AssertionError("injected into the first run"));

        awaitFailedThenNextCompleted(queue, broken);

        assertThat(jobs.findById(broken).orElseThrow().errorMessage()).contains("injected into the first run");
        assertThat(events.count("background-failure:worker")).isEqualTo(1);
        assertThat(pool.aliveCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWorkerEndedByAVirtualMachineErrorIsReplaced(TestDatabase db) {
        JobQueue queue = open(db);
        long broken = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        WorkerPool pool = startFailingTheFirstRun(queue, () -> new StackOverflowError("injected"));

        // The job of the lost worker ends when its lease expires (one attempt allowed here).
        awaitFailedThenNextCompleted(queue, broken);

        assertThat(events.count("background-failure:worker")).isEqualTo(1);
        await(() -> pool.aliveCount() == 1);
    }

    /**
     * The first renewal throws an Error. A heartbeat that died of it would let the lease lapse,
     * and the second replica would take the job over and run it again.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anErrorInTheHeartbeatCostsOneRenewalAndLeasesGoOnBeingRenewed(TestDatabase db) {
        open(db);
        AtomicInteger renewals = new AtomicInteger();
        JobQueue faulty = new JobQueue(jdbi, Clock.systemUTC(), 3, Duration.ofMillis(20)) {
            @Override
            public boolean renewLease(long jobId, String owner, Duration lease) {
                if (renewals.getAndIncrement() == 0) {
                    throw new AssertionError("injected into the first renewal");
                }
                return super.renewLease(jobId, owner, lease);
            }
        };
        long jobId = faulty.enqueue(sourceId, JobQueue.SCRAPING).id();
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        JobRunner slow = (job, source, control) -> {
            runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(LEASE.multipliedBy(5).dividedBy(2).toMillis());
            return new JobCounts(1, 0, 0, 0);
        };
        start(faulty, slow, null);
        await(() -> runs.containsKey(jobId));
        start(queue(3), slow, null);

        await(() -> jobs.findById(jobId).orElseThrow().status() == JobStatus.COMPLETED);

        assertThat(runs.get(jobId)).hasValue(1);
        assertThat(renewals.get()).isGreaterThan(2);
        assertThat(events.count("background-failure:lease_heartbeat")).isEqualTo(1);
        assertThat(jobs.findById(jobId).orElseThrow().attempts()).isEqualTo(1);
    }

    /** A run that never asks its deadline (stuck inside one step) is ended by the heartbeat, and never renewed. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunPastItsHardDeadlineIsInterruptedAndItsJobFailedForGood(TestDatabase db) {
        JobQueue queue = open(db);
        long stuck = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        AtomicInteger runs = new AtomicInteger();
        WorkerPool pool = start(queue, (job, source, control) -> {
            if (runs.getAndIncrement() == 0) {
                Thread.sleep(TimeUnit.MINUTES.toMillis(10));
            }
            return new JobCounts(1, 1, 0, 0);
        }, Duration.ofMillis(300));

        await(() -> jobs.findById(stuck).orElseThrow().status() == JobStatus.FAILED);
        Job failed = jobs.findById(stuck).orElseThrow();
        assertThat(failed.errorMessage()).contains("past the job deadline");
        assertThat(failed.leaseOwner()).isNull();
        long next = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        await(() -> jobs.findById(next).orElseThrow().status() == JobStatus.COMPLETED);
        assertThat(runs).hasValue(2);
        assertThat(pool.aliveCount()).isEqualTo(1);
        assertThat(events.count("finished:busan-bakeries:failed")).isEqualTo(1);
    }
}
