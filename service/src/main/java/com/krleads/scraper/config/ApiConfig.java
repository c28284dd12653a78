package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Who may address the API port. */
public class ApiConfig {
    /**
     * Host names (any port) the API port answers besides {@code localhost} and the loopback
     * addresses, which it always answers. Behind a balancer: the public names clients use, as the
     * balancer passes their {@code Host} on. Any other {@code Host} is refused, so a page whose
     * name was rebound to this machine (DNS rebinding) cannot reach the API.
     */
    @NotNull
    @JsonProperty
    public List<String> allowedHosts = List.of();
}
