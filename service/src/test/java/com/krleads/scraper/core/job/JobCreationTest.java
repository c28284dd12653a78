package com.krleads.scraper.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.job.JobCreation.Created;
import com.krleads.scraper.core.job.JobCreation.Enqueued;
import com.krleads.scraper.core.job.JobCreation.Outcome;
import com.krleads.scraper.core.limit.KeyRateLimiter;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.testing.Fixtures;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobCreationTest {
    private static final TimeMeter FROZEN = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return 0;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private static final Source ENABLED = withId(Fixtures.source("seoul"), 1, true);
    private static final Source DISABLED = withId(Fixtures.source("busan"), 2, false);

    /** One job per client and hour, and time stands still: a unit not given back is gone. */
    private final KeyRateLimiter allowance = new KeyRateLimiter(1, Duration.ofHours(1), FROZEN);
    private final List<Long> asked = new ArrayList<>();
    private Enqueued queueAnswer = new Enqueued(Outcome.QUEUED, job(10, JobStatus.QUEUED));
    private final JobCreation creation = new JobCreation(
            id -> Optional.ofNullable(Map.of(1L, ENABLED, 2L, DISABLED).get(id)), allowance, sourceId -> {
                asked.add(sourceId);
                return queueAnswer;
            });

    @Test
    void anEnabledSourceGetsTheJobTheQueueQueuedAndTheClientSpendsAUnit() {
        Created created = creation.create(1, "operator:a");

        assertThat(created.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(created.job().id()).isEqualTo(10);
        assertThat(created.source()).isEqualTo(ENABLED);
        assertThat(asked).containsExactly(1L);
        Created next = creation.create(1, "operator:a");
        assertThat(next.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(next.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(asked).as("a client over its allowance never reaches the queue").containsExactly(1L);
    }

    @Test
    void aDisabledSourceGetsNoJobAndCostsTheClientNothing() {
        assertThat(creation.create(2, "operator:a").outcome()).isEqualTo(Outcome.SOURCE_DISABLED);

        assertThat(asked).isEmpty();
        assertThat(creation.create(1, "operator:a").outcome()).isEqualTo(Outcome.QUEUED);
    }

    @Test
    void aMissingSourceGetsNoJobAndCostsTheClientNothing() {
        assertThat(creation.create(99, "operator:a").outcome()).isEqualTo(Outcome.NO_SOURCE);

        assertThat(asked).isEmpty();
        assertThat(creation.create(1, "operator:a").outcome()).isEqualTo(Outcome.QUEUED);
    }

    @Test
    void aSourceWithAnActiveJobGivesTheUnitBackAndNamesThatJob() {
        queueAnswer = new Enqueued(Outcome.ALREADY_ACTIVE, job(7, JobStatus.RUNNING));

        Created created = creation.create(1, "operator:a");

        assertThat(created.outcome()).isEqualTo(Outcome.ALREADY_ACTIVE);
        assertThat(created.job().id()).isEqualTo(7);
        queueAnswer = new Enqueued(Outcome.QUEUED, job(11, JobStatus.QUEUED));
        assertThat(creation.create(1, "operator:a").outcome()).isEqualTo(Outcome.QUEUED);
    }

    @Test
    void aSourceDeletedBeforeTheQueueingGivesTheUnitBack() {
        queueAnswer = new Enqueued(Outcome.SOURCE_GONE, null);

        assertThat(creation.create(1, "operator:a").outcome()).isEqualTo(Outcome.SOURCE_GONE);

        queueAnswer = new Enqueued(Outcome.QUEUED, job(11, JobStatus.QUEUED));
        assertThat(creation.create(1, "operator:a").outcome()).isEqualTo(Outcome.QUEUED);
    }

    @Test
    void eachClientHasItsOwnAllowance() {
        assertThat(creation.create(1, "operator:a").outcome()).isEqualTo(Outcome.QUEUED);

        assertThat(creation.create(1, "operator:b").outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(creation.create(1, "operator:a").outcome()).isEqualTo(Outcome.RATE_LIMITED);
    }

    private static Source withId(Source s, long id, boolean enabled) {
        return new Source(id, s.name(), s.startUrl(), s.selectors(), s.maxPages(), s.delayMillis(), enabled,
                s.createdAt(), s.updatedAt());
    }

    private static Job job(long id, JobStatus status) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new Job(id, 1, "scraping", status, 0, new JobCounts(0, 0, 0, 0), null, null, null, at, at, null, null);
    }
}
