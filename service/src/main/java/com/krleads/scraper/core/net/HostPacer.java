package com.krleads.scraper.core.net;

import java.time.Duration;
import java.time.Instant;

/**
 * The politeness delay per host: requests to one host start at least a source's delay apart,
 * whichever job, source or replica sends them. A request reserves its moment and waits for it.
 */
public interface HostPacer {
    /** Reserves the next moment a request to {@code host} may start; returns how long to wait for it. */
    Duration reserve(String host, Duration spacing);

    /** The rule: the earliest free moment (never before now), and the next one after it. */
    static Reservation next(Instant freeAt, Instant now, Duration spacing) {
        Instant slot = freeAt.isAfter(now) ? freeAt : now;
        return new Reservation(slot, slot.plus(spacing), Duration.between(now, slot));
    }

    /** A request's moment, the host's next free moment, and the wait until the request's moment. */
    record Reservation(Instant slot, Instant nextFreeAt, Duration waitFor) {
    }
}
