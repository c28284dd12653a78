package com.krleads.scraper.core.net;

/**
 * The delay between two page requests of one source: a source may ask for any value from the
 * configured minimum (which no request can go below) to {@link #MAX_MILLIS}.
 */
public record PolitenessDelay(long minMillis) {
    public static final long DEFAULT_MILLIS = 1000;
    public static final long MAX_MILLIS = 60_000;

    public PolitenessDelay {
        if (minMillis < 0 || minMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("the minimum delay must be from 0 to " + MAX_MILLIS + " ms");
        }
    }

    /** What a source gets when it asks for nothing. */
    public long defaultMillis() {
        return Math.max(DEFAULT_MILLIS, minMillis);
    }

    public boolean allows(long delayMillis) {
        return delayMillis >= minMillis && delayMillis <= MAX_MILLIS;
    }
}
