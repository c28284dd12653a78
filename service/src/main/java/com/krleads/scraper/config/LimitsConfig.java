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
}
