package com.krleads.scraper.core.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyRateLimiterTest {
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
    private final KeyRateLimiter limiter = new KeyRateLimiter(3, Duration.ofHours(1), clock);

    @Test
    void aBurstUpToTheAllowanceThenTheWaitForTheNextJob() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryTake("operator:a")).isEmpty();
        }
        assertThat(limiter.tryTake("operator:a")).hasValue(Duration.ofMinutes(20));

        nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(limiter.tryTake("operator:a")).hasValue(Duration.ofMinutes(15));

        nanos.addAndGet(Duration.ofMinutes(15).toNanos());
        assertThat(limiter.tryTake("operator:a")).isEmpty();
        assertThat(limiter.tryTake("operator:a")).isPresent();
    }

    @Test
    void eachClientHasItsOwnAllowanceAndAGivenBackJobCountsAgain() {
        for (int i = 0; i < 3; i++) {
            limiter.tryTake("operator:a");
        }
        assertThat(limiter.tryTake("operator:a")).isPresent();
        assertThat(limiter.tryTake("operator:b")).isEmpty();
        assertThat(limiter.tryTake(KeyAllowance.ANONYMOUS)).isEmpty();

        limiter.giveBack("operator:a");
        assertThat(limiter.tryTake("operator:a")).isEmpty();
    }
}
