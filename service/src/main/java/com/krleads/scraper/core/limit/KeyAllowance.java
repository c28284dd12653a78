package com.krleads.scraper.core.limit;

import java.time.Duration;
import java.util.Optional;

/**
 * What one client (an API key, or {@link #ANONYMOUS} when authentication is off) may still do:
 * a token bucket per client, bursts up to its capacity, refilled evenly over its period.
 */
public interface KeyAllowance {
    /** The one client name used when requests carry no key (authentication off). */
    String ANONYMOUS = "anonymous";

    /** Takes one unit of the client's allowance; empty when allowed, else how long to wait for the next. */
    Optional<Duration> tryTake(String client);

    /** Gives back a unit taken for work that was not done after all. */
    void giveBack(String client);
}
