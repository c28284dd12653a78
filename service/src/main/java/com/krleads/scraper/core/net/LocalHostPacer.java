package com.krleads.scraper.core.net;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A {@link HostPacer} in this process's memory: for one job, or a test without a database. */
public final class LocalHostPacer implements HostPacer {
    private final Clock clock;
    private final Map<String, Instant> freeAt = new HashMap<>();

    public LocalHostPacer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Duration reserve(String host, Duration spacing) {
        Instant now = clock.instant();
        Reservation reservation = HostPacer.next(freeAt.getOrDefault(host, now), now, spacing);
        freeAt.put(host, reservation.nextFreeAt());
        return reservation.waitFor();
    }
}
