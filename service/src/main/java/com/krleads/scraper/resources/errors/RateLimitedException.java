package com.krleads.scraper.resources.errors;

/** 429: the caller has used its allowance; {@code Retry-After} says when the next one comes. */
public class RateLimitedException extends ApiException {
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(429, "rate_limited", message, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A wait as whole seconds for {@code Retry-After}, rounded up, at least 1. */
    public static long seconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
