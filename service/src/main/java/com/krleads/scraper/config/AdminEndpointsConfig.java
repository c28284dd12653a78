package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The admin port always serves /metrics, /healthcheck and /ping. Everything else Dropwizard puts
 * there is off unless switched on here: tasks can change the log level or run a GC, the thread
 * dump and the CPU profile show internals and cost CPU.
 */
public class AdminEndpointsConfig {
    /** {@code /tasks/*} (log level, GC). */
    @JsonProperty
    public boolean tasks = false;

    /** {@code /threads}. */
    @JsonProperty
    public boolean threadDump = false;

    /** {@code /pprof}. */
    @JsonProperty
    public boolean cpuProfile = false;

    /** {@code /metrics.json}, Dropwizard's JSON view of the registry, and the admin menu at {@code /}. */
    @JsonProperty
    public boolean metricsJson = false;
}
