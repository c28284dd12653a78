package com.krleads.scraper.metrics.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.krleads.scraper.config.MetricsConfig;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class MetricsTestConfiguration extends Configuration {
    @Valid
    @NotNull
    /** Under "prometheus" in YAML: Dropwizard's Configuration already owns the "metrics" key (reporters). */
    @JsonProperty("prometheus")
    public MetricsConfig metrics = new MetricsConfig();
}
