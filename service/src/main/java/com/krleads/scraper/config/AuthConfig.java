package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * API keys. On by default: a configuration that does not say otherwise refuses to start
 * without a keys file holding at least one key. config.yml turns it off for the quick start
 * (and binds to loopback); config-prod.yml keeps it on.
 */
public class AuthConfig {
    @JsonProperty
    public boolean enabled = true;

    /**
     * One key a line: {@code <role> <sha256 hex of the token>}; {@code #} starts a comment.
     * Empty or absent (null, as an unset {@code ${API_KEYS_FILE:-}} reads) means no file.
     */
    @JsonProperty
    public String keysFile = "";

    /** How often the keys file is checked for changes (keys added or revoked without a restart). */
    @NotNull
    @JsonProperty
    public Duration reloadInterval = Duration.seconds(5);
}
