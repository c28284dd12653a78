package com.krleads.scraper.core.limit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link KeyAllowance} held in this process's memory: a token bucket per client holding
 * {@code capacity} tokens, refilled evenly over {@code period}. The number of buckets is bounded by
 * the number of keys. Each replica keeps its own, so it suits limits meant per replica (reads).
 */
public class KeyRateLimiter implements KeyAllowance {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final Duration period;
    private final TimeMeter time;

    public KeyRateLimiter(int capacity, Duration period) {
        this(capacity, period, TimeMeter.SYSTEM_MILLISECONDS);
    }

    public KeyRateLimiter(int capacity, Duration period, TimeMeter time) {
        this.capacity = capacity;
        this.period = period;
        this.time = time;
    }

    @Override
    public Optional<Duration> tryTake(String client) {
        ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public void giveBack(String client) {
        bucket(client).addTokens(1);
    }

    private Bucket bucket(String client) {
        return buckets.computeIfAbsent(client, name -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .withCustomTimePrecision(time)
                .build());
    }
}
