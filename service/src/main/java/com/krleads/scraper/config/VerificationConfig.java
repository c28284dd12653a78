package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** Contact verification: e-mail syntax and MX record, phone validity. */
public class VerificationConfig {
    @JsonProperty
    public boolean enabled = false;

    /** Bound of one MX lookup; past it the e-mail status is {@code unknown}. */
    @NotNull
    @JsonProperty
    public Duration dnsTimeout = Duration.seconds(3);

    /**
     * Total time one job may wait for DNS; past it the e-mails not yet checked are {@code unknown}
     * and the job goes on at full speed.
     */
    @NotNull
    @JsonProperty
    public Duration jobBudget = Duration.seconds(20);

    /** DNS server for MX lookups, e.g. {@code dns://192.0.2.53}; empty uses the system's resolvers. */
    @JsonProperty
    public String dnsServerUrl = "";
}
