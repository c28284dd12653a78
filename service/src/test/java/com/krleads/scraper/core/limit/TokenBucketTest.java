package com.krleads.scraper.core.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.net.HostPacer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final TokenBucket bucket = new TokenBucket(3, Duration.ofHours(1));

    @Test
    void aFullBucketGivesItsTokensThenSaysHowLongTheNextOneTakes() {
        TokenBucket.Taken first = bucket.take(3, T0, T0);
        assertThat(first.allowed()).isTrue();
        assertThat(first.tokens()).isEqualTo(2);
        TokenBucket.Taken empty = bucket.take(0, T0, T0);
        assertThat(empty.allowed()).isFalse();
        assertThat(empty.waitFor()).isEqualTo(Duration.ofMinutes(20));
        assertThat(bucket.take(0, T0, T0.plus(Duration.ofMinutes(5))).waitFor()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refillIsEvenAndStopsAtTheCapacity() {
        assertThat(bucket.take(0, T0, T0.plus(Duration.ofMinutes(20))).allowed()).isTrue();
        assertThat(bucket.take(0, T0, T0.plus(Duration.ofDays(1))).tokens()).isEqualTo(2);
        assertThat(bucket.giveBack(3)).isEqualTo(3);
        assertThat(bucket.giveBack(1.5)).isEqualTo(2.5);
    }

    @Test
    void aClockBehindTheLastRefillRefillsNothingAndMovesNothingBack() {
        TokenBucket.Taken taken = bucket.take(1, T0, T0.minusSeconds(30));
        assertThat(taken.allowed()).isTrue();
        assertThat(taken.tokens()).isZero();
        assertThat(taken.refilledAt()).isEqualTo(T0);
    }

    @Test
    void hostPacingReservesTheFirstFreeMomentAndMovesItOnBySpacing() {
        Duration spacing = Duration.ofSeconds(2);
        HostPacer.Reservation idle = HostPacer.next(T0.minusSeconds(60), T0, spacing);
        assertThat(idle.waitFor()).isZero();
        assertThat(idle.nextFreeAt()).isEqualTo(T0.plus(spacing));
        HostPacer.Reservation busy = HostPacer.next(T0.plusSeconds(1), T0, spacing);
        assertThat(busy.slot()).isEqualTo(T0.plusSeconds(1));
        assertThat(busy.waitFor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(busy.nextFreeAt()).isEqualTo(T0.plusSeconds(3));
    }
}
