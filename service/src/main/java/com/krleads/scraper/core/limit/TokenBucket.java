package com.krleads.scraper.core.limit;

import java.time.Duration;
import java.time.Instant;

/**
 * The token bucket rule, on state kept elsewhere (a database row): {@code capacity} tokens,
 * refilled evenly over {@code period}; a request takes one token or learns how long to wait.
 */
public record TokenBucket(int capacity, Duration period) {
    public TokenBucket {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a bucket needs a capacity of at least 1 and a positive period");
        }
    }

    /** The bucket after a request at {@code now}; time never runs backwards for the bucket. */
    public Taken take(double tokens, Instant refilledAt, Instant now) {
        Instant at = now.isAfter(refilledAt) ? now : refilledAt;
        double refilled = Math.min(capacity, tokens + capacity * nanos(Duration.between(refilledAt, at)) / nanos(period));
        if (refilled >= 1) {
            return new Taken(true, refilled - 1, at, Duration.ZERO);
        }
        double missing = 1 - refilled;
        Duration waitFor = Duration.ofNanos((long) Math.ceil(missing * nanos(period) / capacity));
        return new Taken(false, refilled, at, waitFor);
    }

    /** The bucket after a token is given back. */
    public double giveBack(double tokens) {
        return Math.min(capacity, tokens + 1);
    }

    private static double nanos(Duration duration) {
        return (double) duration.toNanos();
    }

    /** Whether the request got its token, the bucket's new state, and when it did not, the wait for the next token. */
    public record Taken(boolean allowed, double tokens, Instant refilledAt, Duration waitFor) {
    }
}
