package com.krleads.scraper.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class QueueHealthCheckIT {
    private final Jdbi jdbi = TestDatabase.H2.freshJdbi();
    private final Instant start = Instant.parse("2026-03-01T09:00:00Z");

    private JobQueue queueAt(Instant now) {
        return new JobQueue(jdbi, Clock.fixed(now, ZoneOffset.UTC), 3, Duration.ofSeconds(10));
    }

    @Test
    void unhealthyWhenTheOldestQueuedJobWaitsTooLong() {
        long sourceId = Fixtures.insertSource(jdbi, "waiting");
        queueAt(start).enqueue(sourceId, JobQueue.SCRAPING);

        QueueHealthCheck fresh = new QueueHealthCheck(queueAt(start.plusSeconds(60)), JobQueue.SCRAPING,
                Duration.ofMinutes(15), 2, () -> 2);
        QueueHealthCheck stale = new QueueHealthCheck(queueAt(start.plus(Duration.ofMinutes(16))), JobQueue.SCRAPING,
                Duration.ofMinutes(15), 2, () -> 2);

        assertThat(fresh.execute().isHealthy()).isTrue();
        assertThat(stale.execute().isHealthy()).isFalse();
        assertThat(stale.execute().getMessage()).contains("oldest queued job");
    }

    @Test
    void unhealthyWhenFewerWorkersThanConfiguredAreAlive() {
        JobQueue queue = queueAt(start);
        assertThat(new QueueHealthCheck(queue, JobQueue.SCRAPING, Duration.ofMinutes(15), 4, () -> 0)
                .execute().isHealthy()).isFalse();
        assertThat(new QueueHealthCheck(queue, JobQueue.SCRAPING, Duration.ofMinutes(15), 4, () -> 3)
                .execute().isHealthy()).as("one of four gone").isFalse();
        assertThat(new QueueHealthCheck(queue, JobQueue.SCRAPING, Duration.ofMinutes(15), 4, () -> 4)
                .execute().isHealthy()).isTrue();
        assertThat(new QueueHealthCheck(queue, JobQueue.SCRAPING, Duration.ofMinutes(15), 0, () -> 0)
                .execute().isHealthy()).as("API-only process").isTrue();
    }
}
