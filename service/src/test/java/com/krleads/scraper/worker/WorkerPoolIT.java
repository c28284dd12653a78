package com.krleads.scraper.worker;

import static com.krleads.scraper.worker.PoolsUnderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobDeadlineException;
import com.krleads.scraper.core.job.JobRunner;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.StoreResult;
import com.krleads.scraper.core.scrape.ScrapeException;
import com.krleads.scraper.db.JdbiLeadStore;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.LeadDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.RecordingEvents;
import com.krleads.scraper.testing.TestDatabase;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkerPoolIT {
    private static final Duration LEASE = Duration.ofMillis(1500);
    private final RecordingEvents events = new RecordingEvents();
    private final PoolsUnderTest pools = new PoolsUnderTest();
    private Jdbi jdbi;
    private JobQueue queue;
    private JobDao jobs;
    private long sourceId;

    private void open(TestDatabase db, int maxAttempts) {
        jdbi = db.freshJdbi();
        queue = new JobQueue(jdbi, Clock.systemUTC(), maxAttempts, Duration.ofMillis(20));
        jobs = jdbi.onDemand(JobDao.class);
        sourceId = Fixtures.insertSource(jdbi, "incheon-cafes");
    }

    private WorkerPool start(int threads, JobRunner runner, Duration grace) {
        return pools.start(new WorkerPool(queue, jdbi.onDemand(SourceDao.class), runner, events,
                new WorkerPool.Settings(JobQueue.SCRAPING, threads, Duration.ofMillis(25), LEASE, grace)));
    }

    @AfterEach
    void stopPools() throws InterruptedException {
        pools.stopAll();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void fourWorkersRunFiftyJobsEachExactlyOnce(TestDatabase db) {
        open(db, 3);
        Map<Long, AtomicInteger> runs = new ConcurrentHashMap<>();
        for (int i = 0; i < 50; i++) {
            queue.enqueue(sourceId, JobQueue.SCRAPING);
        }
        WorkerPool pool = start(4, (job, source, control) -> {
            runs.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet();
            control.pageDone(new JobCounts(1, 1, 0, 0));
            return new JobCounts(1, 1, 0, 0);
        }, Duration.ofSeconds(5));

        // A job is marked completed before its end is reported: wait for both.
        await(() -> jobs.listByStatus("completed", 100).size() == 50
                && events.count("queue:scraping:finished") == 50
                && events.count("finished:incheon-cafes:completed") == 50);

        assertThat(runs).hasSize(50);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(pool.aliveCount()).isEqualTo(4);
        assertThat(events.count("queue:scraping:started")).isEqualTo(50);
        assertThat(events.count("queue:scraping:finished")).isEqualTo(50);
        assertThat(events.count("finished:incheon-cafes:completed")).isEqualTo(50);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeadWorkersJobIsRecoveredAndCompletedWithoutDuplicateLeads(TestDatabase db) {
        open(db, 3);
        JdbiLeadStore store = new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85);
        List<LeadDraft> page = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            page.add(Fixtures.draft("가게 " + i, "+82212340" + String.format("%03d", i), null, null, "인천 중구 " + i));
        }
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        // The dead worker claimed the job, stored half of the page, then stopped renewing its lease.
        queue.claim(JobQueue.SCRAPING, "dead-worker", Duration.ofMillis(300)).orElseThrow();
        page.subList(0, 10).forEach(draft -> store.store(sourceId, draft));

        start(2, (job, source, control) -> {
            int created = 0;
            int updated = 0;
            for (LeadDraft draft : page) {
                StoreResult result = store.store(source.id(), draft);
                created += result.created() ? 1 : 0;
                updated += result.created() ? 0 : 1;
            }
            control.pageDone(new JobCounts(1, created, updated, 0));
            return new JobCounts(1, created, updated, 0);
        }, Duration.ofSeconds(5));

        await(() -> jobs.findById(jobId).orElseThrow().status() == JobStatus.COMPLETED);

        Job job = jobs.findById(jobId).orElseThrow();
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.leaseOwner()).isNull();
        assertThat(job.counts()).isEqualTo(new JobCounts(1, 10, 10, 0));
        assertThat(jdbi.onDemand(LeadDao.class).countAll()).isEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingJobIsRetriedThenFailedWithItsError(TestDatabase db) {
        open(db, 2);
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        start(1, (job, source, control) -> {
            throw new IOException("HTTP 503 from directory.example.kr");
        }, Duration.ofSeconds(5));

        // A job is marked failed before its end is reported: wait for both.
        await(() -> jobs.findById(jobId).orElseThrow().status() == JobStatus.FAILED
                && events.count("finished:incheon-cafes:failed") == 1);

        Job job = jobs.findById(jobId).orElseThrow();
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.errorMessage()).isEqualTo("HTTP 503 from directory.example.kr");
        assertThat(events.count("queue:scraping:failed")).isEqualTo(2);
        assertThat(events.count("finished:incheon-cafes:failed")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunningJobStopsAfterThePageWhenCancelled(TestDatabase db) {
        open(db, 3);
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        CountDownLatch firstPage = new CountDownLatch(1);
        start(1, (job, source, control) -> {
            int pages = 0;
            while (!control.isCancelled() && pages < 10_000) {
                pages++;
                control.pageDone(new JobCounts(pages, pages, 0, 0));
                firstPage.countDown();
                Thread.sleep(10);
            }
            return new JobCounts(pages, pages, 0, 0);
        }, Duration.ofSeconds(5));
        assertThat(awaitLatch(firstPage)).isTrue();

        assertThat(queue.cancel(jobId)).isEqualTo(JobQueue.CancelResult.REQUESTED);
        await(() -> jobs.findById(jobId).orElseThrow().status() == JobStatus.CANCELLED
                && events.count("finished:incheon-cafes:cancelled") == 1);

        Job job = jobs.findById(jobId).orElseThrow();
        assertThat(job.counts().pagesFetched()).isPositive().isLessThan(10_000);
        assertThat(events.count("finished:incheon-cafes:cancelled")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void shutdownGivesAnUnfinishedJobBackToTheQueue(TestDatabase db) throws InterruptedException {
        open(db, 3);
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        CountDownLatch running = new CountDownLatch(1);
        WorkerPool pool = start(1, (job, source, control) -> {
            running.countDown();
            Thread.sleep(60_000);
            return JobCounts.NONE;
        }, Duration.ofMillis(200));
        assertThat(awaitLatch(running)).isTrue();
        assertThat(pool.busyCount()).isEqualTo(1);

        pool.stop();
        pools.forget(pool);

        Job job = jobs.findById(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempts()).isZero();
        assertThat(pool.aliveCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailureWhoseTextTheDatabaseWouldRefuseStillEndsTheJobWithItsCause(TestDatabase db) {
        open(db, 1);
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        start(1, (job, source, control) -> {
            throw new ScrapeException("page failed: \u0000java.net.ConnectException: Connection refused", null);
        }, Duration.ofSeconds(5));

        await(() -> jobs.findById(jobId).orElseThrow().status() == JobStatus.FAILED);

        assertThat(jobs.findById(jobId).orElseThrow().errorMessage()).isEqualTo("page failed: Connection refused");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseFailureReachesTheClientWithoutSql(TestDatabase db) {
        open(db, 1);
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        start(1, (job, source, control) -> {
            throw new IllegalStateException("org.jdbi.v3.core.statement.UnableToExecuteStatementException",
                    new SQLException("ERROR: value too long for type character varying(200) [INSERT INTO leads]", "22001"));
        }, Duration.ofSeconds(5));

        await(() -> jobs.findById(jobId).orElseThrow().status() == JobStatus.FAILED);

        assertThat(jobs.findById(jobId).orElseThrow().errorMessage())
                .isEqualTo("the database failed while the job ran; see the service log");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aJobPastItsDeadlineIsNotRetried(TestDatabase db) {
        open(db, 3);
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        start(1, (job, source, control) -> {
            control.pageDone(new JobCounts(2, 5, 0, 0));
            throw new JobDeadlineException("stopped at the job deadline of 30 min after 2 page(s)");
        }, Duration.ofSeconds(5));

        await(() -> jobs.findById(jobId).orElseThrow().status() == JobStatus.FAILED);

        Job job = jobs.findById(jobId).orElseThrow();
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.counts()).isEqualTo(new JobCounts(2, 5, 0, 0));
        assertThat(job.errorMessage()).isEqualTo("stopped at the job deadline of 30 min after 2 page(s)");
    }

    private static boolean awaitLatch(CountDownLatch latch) {
        try {
            return latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
