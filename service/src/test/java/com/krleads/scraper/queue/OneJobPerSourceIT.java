package com.krleads.scraper.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.queue.JobQueue.Enqueued.Outcome;
import com.krleads.scraper.queue.JobQueue.Enqueued;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** At most one queued or running job per source, also when many requests race for it. */
class OneJobPerSourceIT {
    private static final int RACERS = 8;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void racingRequestsQueueExactlyOneJob(TestDatabase database) throws Exception {
        Jdbi jdbi = database.freshJdbi();
        JobQueue queue = new JobQueue(jdbi, Clock.systemUTC(), 3, Duration.ofSeconds(1));
        long source = Fixtures.insertSource(jdbi, "busan-cafes");
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<Enqueued>> results = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return queue.enqueueUnlessActive(source, JobQueue.SCRAPING);
                }));
            }
            List<Enqueued> outcomes = new ArrayList<>();
            for (Future<Enqueued> result : results) {
                outcomes.add(result.get());
            }
            List<Enqueued> queued = outcomes.stream().filter(o -> o.outcome() == Outcome.QUEUED).toList();
            assertThat(queued).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.outcome() == Outcome.ALREADY_ACTIVE).hasSize(RACERS - 1)
                    .allSatisfy(o -> assertThat(o.job().id()).isEqualTo(queued.get(0).job().id()));
            long jobs = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs").mapTo(Long.class).one());
            assertThat(jobs).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunningJobBlocksTheNextAndAFinishedOneNoLonger(TestDatabase database) {
        Jdbi jdbi = database.freshJdbi();
        JobQueue queue = new JobQueue(jdbi, Clock.systemUTC(), 3, Duration.ofSeconds(1));
        long source = Fixtures.insertSource(jdbi, "daejeon-books");
        long other = Fixtures.insertSource(jdbi, "daejeon-music");

        long first = queue.enqueueUnlessActive(source, JobQueue.SCRAPING).job().id();
        queue.claim(JobQueue.SCRAPING, "w", Duration.ofMinutes(1)).orElseThrow();
        Enqueued blocked = queue.enqueueUnlessActive(source, JobQueue.SCRAPING);
        assertThat(blocked.outcome()).isEqualTo(Outcome.ALREADY_ACTIVE);
        assertThat(blocked.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(queue.enqueueUnlessActive(other, JobQueue.SCRAPING).outcome()).isEqualTo(Outcome.QUEUED);

        queue.complete(first, "w", com.krleads.scraper.core.job.JobCounts.NONE);
        assertThat(queue.enqueueUnlessActive(source, JobQueue.SCRAPING).outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(queue.enqueueUnlessActive(987654, JobQueue.SCRAPING).outcome()).isEqualTo(Outcome.NO_SOURCE);
    }
}
