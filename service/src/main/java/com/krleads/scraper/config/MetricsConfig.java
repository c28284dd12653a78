package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Prometheus instrumentation flags; each reads an environment variable in config.yml. */
public class MetricsConfig {
    /** PROMETHEUS_ENABLED: false records nothing. */
    @JsonProperty
    public boolean prometheusEnabled = true;

    /** METRICS_ENDPOINT_ENABLED: false removes /metrics from the admin port. */
    @JsonProperty
    public boolean endpointEnabled = true;

    /** METRICS_INCLUDE_LABELS: false collapses endpoint and source to one value. */
    @JsonProperty
    public boolean includeLabels = true;

    /** PROMETHEUS_MULTIPROC_DIR: accepted and not needed (one registry per JVM). */
    @JsonProperty
    public String multiprocDir = "";

    /** Distinct values a user-defined label (source) may take per family before "other". */
    @Min(1)
    @JsonProperty
    public int maxLabelValues = 200;

    /**
     * How often the stored sources are read again so that a source created through another
     * replica has its series at 0 here too, before its first job on this replica.
     */
    @NotNull
    @JsonProperty
    public Duration sourceRefreshInterval = Duration.seconds(30);

    /** How long a scrape waits for the health checks before using their last results. */
    @NotNull
    @JsonProperty
    public Duration healthCheckTimeout = Duration.seconds(2);
}
