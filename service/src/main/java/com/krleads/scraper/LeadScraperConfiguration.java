package com.krleads.scraper;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.krleads.scraper.config.AdminEndpointsConfig;
import com.krleads.scraper.config.ApiConfig;
import com.krleads.scraper.config.AuthConfig;
import com.krleads.scraper.config.DedupConfig;
import com.krleads.scraper.config.DemoConfig;
import com.krleads.scraper.config.EnrichmentConfig;
import com.krleads.scraper.config.LimitsConfig;
import com.krleads.scraper.config.MetricsConfig;
import com.krleads.scraper.config.QualityConfig;
import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.config.WorkerConfig;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

public class LeadScraperConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    public DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    public ScraperConfig scraper = new ScraperConfig();

    @Valid
    @NotNull
    @JsonProperty
    public WorkerConfig worker = new WorkerConfig();

    @Valid
    @NotNull
    @JsonProperty
    public DedupConfig dedup = new DedupConfig();

    @Valid
    @NotNull
    @JsonProperty
    public EnrichmentConfig enrichment = new EnrichmentConfig();

    @Valid
    @NotNull
    @JsonProperty
    public VerificationConfig verification = new VerificationConfig();

    @Valid
    @NotNull
    /** Under "prometheus" in YAML: Dropwizard's Configuration already owns the "metrics" key (reporters). */
    @JsonProperty("prometheus")
    public MetricsConfig metrics = new MetricsConfig();

    @Valid
    @NotNull
    @JsonProperty
    public DemoConfig demo = new DemoConfig();

    @Valid
    @NotNull
    @JsonProperty
    public AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    @JsonProperty
    public LimitsConfig limits = new LimitsConfig();

    @Valid
    @NotNull
    @JsonProperty
    public ApiConfig api = new ApiConfig();

    /** Not "admin": Dropwizard's Configuration owns that key (health check and task settings). */
    @Valid
    @NotNull
    @JsonProperty
    public AdminEndpointsConfig adminEndpoints = new AdminEndpointsConfig();

    /** How each completed job is compared with its source's history. */
    @Valid
    @NotNull
    @JsonProperty
    public QualityConfig quality = new QualityConfig();

    /** Apply the schema migrations at start-up (the {@code db migrate} command does it too). */
    @JsonProperty
    public boolean migrateOnStart = true;
}
