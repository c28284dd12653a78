package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Background workers that take jobs from the database-backed queue. */
public class WorkerConfig {
    /** False runs an API-only process: jobs are queued here and run by other processes. */
    @JsonProperty
    public boolean enabled = true;

    /** Worker threads for the {@code scraping} queue. */
    @Min(1)
    @Max(64)
    @JsonProperty
    public int threads = 2;

    /** How long a claim holds before another process may take the job over. */
    @NotNull
    @JsonProperty
    public Duration leaseDuration = Duration.seconds(60);

    /** How often an idle worker looks for a job. */
    @NotNull
    @JsonProperty
    public Duration pollInterval = Duration.seconds(1);

    /** Attempts before a job is marked failed. */
    @Min(1)
    @Max(20)
    @JsonProperty
    public int maxAttempts = 3;

    /** Delay before the first retry of a failed attempt; doubled each attempt. */
    @NotNull
    @JsonProperty
    public Duration retryBackoff = Duration.seconds(10);

    /** How long shutdown waits for running jobs before releasing them back to the queue. */
    @NotNull
    @JsonProperty
    public Duration shutdownGrace = Duration.seconds(20);

    /**
     * A run still going this long after its job deadline ({@code scraper.jobTimeout}) is stuck
     * inside one step: its worker is interrupted, the job failed and its lease never renewed.
     */
    @NotNull
    @JsonProperty
    public Duration deadlineGrace = Duration.minutes(2);

    /** The queue health check fails when the oldest queued job is older than this. */
    @NotNull
    @JsonProperty
    public Duration maxQueuedAge = Duration.minutes(15);

    /**
     * Connections of the queue's own pool (claims, leases, heartbeat, queue health): API reads
     * and lead writes use the main pool and can never take these away.
     */
    @Min(2)
    @Max(64)
    @JsonProperty
    public int queuePoolSize = 6;
}
