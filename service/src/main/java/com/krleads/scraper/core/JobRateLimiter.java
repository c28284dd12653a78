package com.krleads.scraper.core;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many jobs one client may create: a token bucket per client (an API key, or one shared
 * bucket for every caller when authentication is off) holding {@code jobs} tokens, refilled
 * evenly over {@code period}. The number of buckets is bounded by the number of keys.
 */
public class JobRateLimiter {
    /** The one client name used when requests carry no key (authentication off). */
    public static final String ANONYMOUS = "anonymous";

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int jobs;
    private final Duration period;
    private final TimeMeter time;

    public JobRateLimiter(int jobs, Duration period) {
        this(jobs, period, TimeMeter.SYSTEM_MILLISECONDS);
    }

    public JobRateLimiter(int jobs, Duration period, TimeMeter time) {
        this.jobs = jobs;
        this.period = period;
        this.time = time;
    }

    /** Takes one job from the client's allowance; empty when allowed, else how long to wait. */
    public Optional<Duration> tryCreate(String client) {
        ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives back an allowance taken for a job that was not created after all. */
    public void giveBack(String client) {
        bucket(client).addTokens(1);
    }

    private Bucket bucket(String client) {
        return buckets.computeIfAbsent(client, name -> Bucket.builder()
                .addLimit(limit -> limit.capacity(jobs).refillGreedy(jobs, period))
                .withCustomTimePrecision(time)
                .build());
    }
}
