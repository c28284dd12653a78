package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Demo data for a first run: a small fictional business directory served by the service itself
 * under /demo/, a source pointing at it, and a job queued periodically so that the dashboards
 * show live data within minutes, with no internet. On in config.yml, off in config-prod.yml.
 */
public class DemoConfig {
    @JsonProperty
    public boolean enabled = false;

    /** How often a demo job is queued (none is queued while one is still queued or running). */
    @NotNull
    @JsonProperty
    public Duration interval = Duration.minutes(2);

    @NotBlank
    @JsonProperty
    public String sourceName = "demo-directory";

    /** Base URL the service is reachable at from itself; empty means http://127.0.0.1:{app port}. */
    @JsonProperty
    public String baseUrl = "";
}
