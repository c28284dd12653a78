package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.krleads.scraper.core.net.HostResolver;
import com.krleads.scraper.core.net.UrlGuard;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/** How pages are fetched. */
public class ScraperConfig {
    /** Fetch loopback, private and link-local addresses too. Only for local demos and tests. */
    @JsonProperty
    public boolean allowPrivateAddresses = false;

    /**
     * The only ports fetched while private addresses are refused (production): start pages,
     * robots.txt, next pages and redirects alike.
     */
    @NotEmpty
    @JsonProperty
    public Set<@Min(1) @Max(65535) Integer> allowedPorts = UrlGuard.DEFAULT_PORTS;

    @NotBlank
    @JsonProperty
    public String userAgent = "KRLeadScraper/0.1 (+https://github.com/krleads/kr-lead-scraper)";

    @NotNull
    @JsonProperty
    public Duration connectTimeout = Duration.seconds(5);

    @NotNull
    @JsonProperty
    public Duration readTimeout = Duration.seconds(15);

    @NotNull
    @JsonProperty
    public DataSize maxBodySize = DataSize.megabytes(5);

    /** Retries of one request after a timeout or a 5xx answer. */
    /** One response header line; longer fails the page (the client reads no further). */
    @NotNull
    @JsonProperty
    public DataSize maxHeaderLineLength = DataSize.kibibytes(8);

    @Min(1)
    @Max(10_000)
    @JsonProperty
    public int maxHeaderCount = 100;

    /** All response header lines of one answer together. */
    @NotNull
    @JsonProperty
    public DataSize maxHeaderSize = DataSize.kibibytes(64);

    @Min(0)
    @Max(10)
    @JsonProperty
    public int maxRetries = 2;

    /** First retry delay; doubled for each further retry. */
    @NotNull
    @JsonProperty
    public Duration retryBackoff = Duration.milliseconds(500);

    @Min(0)
    @Max(20)
    @JsonProperty
    public int maxRedirects = 5;

    /**
     * Wall-clock limit of one job run: past it the run stops before its next item or step and
     * the job fails (not retried), keeping what it stored.
     */
    @NotNull
    @JsonProperty
    public Duration jobTimeout = Duration.minutes(30);

    /** The guard every URL of a job and every new source passes. */
    public UrlGuard urlGuard() {
        return new UrlGuard(allowPrivateAddresses, allowedPorts, HostResolver.SYSTEM);
    }

    /**
     * Elements nested deeper lose their content: each nested item reads the text below it, so
     * depth multiplies the work of a page. Real listings nest a few dozen levels.
     */
    @Min(8)
    @Max(10_000)
    @JsonProperty
    public int maxNestingDepth = 128;

    /** Items read from one page; the rest is left and the cut said on the job. */
    @Min(1)
    @JsonProperty
    public int maxItemsPerPage = 20_000;

    /** Items read by one job, over all its pages; reaching it ends the pagination. */
    @Min(1)
    @JsonProperty
    public int maxItemsPerJob = 200_000;

    /** Upper bound of {@code maxPages} that a source may ask for. */
    @Min(1)
    @JsonProperty
    public int maxPagesLimit = 100;
}
