package com.krleads.scraper.resources;

/** 429: the caller has used its allowance; {@code Retry-After} says when the next one comes. */
public class RateLimitedException extends ApiException {
    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(429, "rate_limited", message, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
