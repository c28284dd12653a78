package com.krleads.scraper.worker;

import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS_ACTIVE;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.krleads.metrics.Labels;
import com.krleads.scraper.config.MetricsConfig;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobRunner;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.metrics.PrometheusMetrics;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code scraping_jobs_active} and {@code workers_active}, read from the exposition as
 * Prometheus reads them, are 1 while an attempt runs and back to 0 after every way an attempt
 * can end.
 */
class ActiveGaugesIT {
    private static final String SOURCE = "incheon-cafes";
    private static final Duration LEASE = Duration.ofMillis(1500);

    /** No health check is registered, so the health-check pool never runs anything. */
    private final ExecutorService healthCheckPool = Executors.newSingleThreadExecutor();
    private final PrometheusMetrics metrics = PrometheusMetrics.create(new MetricsConfig(), new MetricRegistry(),
            new HealthCheckRegistry(), healthCheckPool);
    private final CountDownLatch attemptRunning = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private Jdbi jdbi;
    private JobQueue queue;
    private JobDao jobs;
    private WorkerPool pool;

    private long open(int maxAttempts, Duration retryBackoff) {
        jdbi = TestDatabase.H2.freshJdbi();
        queue = new JobQueue(jdbi, Clock.systemUTC(), maxAttempts, retryBackoff);
        jobs = jdbi.onDemand(JobDao.class);
        long sourceId = Fixtures.insertSource(jdbi, SOURCE);
        return queue.enqueue(sourceId, JobQueue.SCRAPING).id();
    }

    private void start(JobRunner runner, Duration grace) {
        pool = new WorkerPool(queue, jdbi.onDemand(SourceDao.class), runner, metrics.events(),
                new WorkerPool.Settings(JobQueue.SCRAPING, 1, Duration.ofMillis(25), LEASE, grace));
        metrics.workersActive(JobQueue.SCRAPING, pool::busyCount);
        pool.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        letGo.countDown();
        if (pool != null) {
            pool.stop();
        }
        healthCheckPool.shutdownNow();
    }

    @Test
    void success() throws InterruptedException {
        long jobId = open(3, Duration.ofMillis(20));
        start((job, source, control) -> {
            heldWhileActive();
            return new JobCounts(1, 1, 0, 0);
        }, Duration.ofSeconds(5));

        assertOneActiveThenRelease();
        await(() -> status(jobId) == JobStatus.COMPLETED && pool.busyCount() == 0);

        assertBothZero();
    }

    @Test
    void failureWithRetry() throws InterruptedException {
        long jobId = open(3, Duration.ofMinutes(10));
        start((job, source, control) -> {
            heldWhileActive();
            throw new IllegalStateException("HTTP 503 from directory.example.kr");
        }, Duration.ofSeconds(5));

        assertOneActiveThenRelease();
        await(() -> status(jobId) == JobStatus.QUEUED && pool.busyCount() == 0);

        assertThat(jobs.findById(jobId).orElseThrow().attempts()).isEqualTo(1);
        assertBothZero();
    }

    @Test
    void finalFailure() throws InterruptedException {
        long jobId = open(1, Duration.ofMillis(20));
        start((job, source, control) -> {
            heldWhileActive();
            throw new IllegalStateException("HTTP 503 from directory.example.kr");
        }, Duration.ofSeconds(5));

        assertOneActiveThenRelease();
        await(() -> status(jobId) == JobStatus.FAILED && pool.busyCount() == 0);

        assertBothZero();
    }

    @Test
    void cancel() throws InterruptedException {
        long jobId = open(3, Duration.ofMillis(20));
        start((job, source, control) -> {
            attemptRunning.countDown();
            int pages = 0;
            while (!control.isCancelled()) {
                control.pageDone(new JobCounts(++pages, 0, 0, 0));
                Thread.sleep(10);
            }
            return new JobCounts(pages, 0, 0, 0);
        }, Duration.ofSeconds(5));

        assertThat(attemptRunning.await(20, TimeUnit.SECONDS)).isTrue();
        assertBothOne();
        assertThat(queue.cancel(jobId)).isEqualTo(JobQueue.CancelResult.REQUESTED);
        await(() -> status(jobId) == JobStatus.CANCELLED && pool.busyCount() == 0);

        assertBothZero();
    }

    @Test
    void lostLease() throws InterruptedException {
        long jobId = open(3, Duration.ofMillis(20));
        start((job, source, control) -> {
            heldWhileActive();
            // Another process took the job over: progress can no longer be saved and the run stops.
            control.pageDone(new JobCounts(1, 0, 0, 0));
            return new JobCounts(1, 0, 0, 0);
        }, Duration.ofSeconds(5));

        assertThat(attemptRunning.await(20, TimeUnit.SECONDS)).isTrue();
        assertBothOne();
        jdbi.useHandle(h -> h.execute("UPDATE jobs SET lease_owner = 'another-process' WHERE id = ?", jobId));
        letGo.countDown();
        await(() -> pool.busyCount() == 0);

        assertThat(jobs.findById(jobId).orElseThrow().leaseOwner()).isEqualTo("another-process");
        assertBothZero();
    }

    @Test
    void shutdown() throws InterruptedException {
        long jobId = open(3, Duration.ofMillis(20));
        start((job, source, control) -> {
            attemptRunning.countDown();
            Thread.sleep(60_000);
            return JobCounts.NONE;
        }, Duration.ofMillis(200));

        assertThat(attemptRunning.await(20, TimeUnit.SECONDS)).isTrue();
        assertBothOne();
        pool.stop();
        pool = null;

        assertThat(status(jobId)).isEqualTo(JobStatus.QUEUED);
        assertBothZero();
    }

    private void heldWhileActive() throws InterruptedException {
        attemptRunning.countDown();
        assertThat(letGo.await(20, TimeUnit.SECONDS)).isTrue();
    }

    private void assertOneActiveThenRelease() throws InterruptedException {
        assertThat(attemptRunning.await(20, TimeUnit.SECONDS)).isTrue();
        assertBothOne();
        letGo.countDown();
    }

    private void assertBothOne() {
        assertThat(jobsActive()).isEqualTo(1.0);
        assertThat(workersActive()).isEqualTo(1.0);
    }

    private void assertBothZero() {
        assertThat(jobsActive()).isZero();
        assertThat(workersActive()).isZero();
    }

    private double jobsActive() {
        return metrics.collectorRegistry().getSampleValue(SCRAPING_JOBS_ACTIVE.name(),
                new String[] {Labels.SOURCE}, new String[] {SOURCE});
    }

    private double workersActive() {
        return metrics.collectorRegistry().getSampleValue(WORKERS_ACTIVE.name(),
                new String[] {Labels.QUEUE_NAME}, new String[] {JobQueue.SCRAPING});
    }

    private JobStatus status(long jobId) {
        return jobs.findById(jobId).orElseThrow().status();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
