package com.krleads.scraper.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JobRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final JobRateLimiter limiter = new JobRateLimiter(3, Duration.ofHours(1), clock);

    @Test
    void aBurstUpToTheAllowanceThenTheWaitForTheNextJob() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryCreate("operator:a")).isEmpty();
        }
        assertThat(limiter.tryCreate("operator:a")).hasValue(Duration.ofMinutes(20));

        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(limiter.tryCreate("operator:a")).hasValue(Duration.ofMinutes(15));

        nanos.addAndGet(Duration.ofMinutes(15).toNanos());
        assertThat(limiter.tryCreate("operator:a")).isEmpty();
        assertThat(limiter.tryCreate("operator:a")).isPresent();
    }

    @Test
    void eachClientHasItsOwnAllowanceAndAGivenBackJobCountsAgain() {
        for (int i = 0; i < 3; i++) {
            limiter.tryCreate("operator:a");
        }
        assertThat(limiter.tryCreate("operator:a")).isPresent();
        assertThat(limiter.tryCreate("operator:b")).isEmpty();
        assertThat(limiter.tryCreate(JobRateLimiter.ANONYMOUS)).isEmpty();

        limiter.giveBack("operator:a");
        assertThat(limiter.tryCreate("operator:a")).isEmpty();
    }
}
