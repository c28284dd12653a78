package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What one client can make the scraper do. */
public class LimitsConfig {
    /** Politeness delay between two pages of one source that a source cannot ask to go below. */
    @NotNull
    @JsonProperty
    public Duration minDelay = Duration.seconds(1);

    /** Jobs one API key may create per {@link #jobsPerKeyPeriod} (a token bucket: bursts up to this, refilled evenly). */
    @Min(1)
    @JsonProperty
    public int jobsPerKey = 30;

    @NotNull
    @JsonProperty
    public Duration jobsPerKeyPeriod = Duration.hours(1);

    /**
     * Longest a statement on the main pool (API reads, lead writes) may run; the database
     * cancels it and the API answers 503. Whole seconds (the JDBC query timeout's unit).
     */
    @NotNull
    @JsonProperty
    public Duration queryTimeout = Duration.seconds(10);

    /**
     * Read requests (GET) one API key may make per {@link #readsPerKeyPeriod}, per replica: a
     * token bucket, bursts up to this, refilled evenly. The default lets a dashboard or script
     * make tens of requests a second and leaves an outside-in probe every 15 s far below it.
     */
    @Min(1)
    @JsonProperty
    public int readsPerKey = 100;

    @NotNull
    @JsonProperty
    public Duration readsPerKeyPeriod = Duration.seconds(1);
}
