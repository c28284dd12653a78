package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.krleads.metrics.LabelValues.EnrichmentMode;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The smart scraper: fills fields the selectors missed, through Ollama or heuristics. */
public class EnrichmentConfig {
    /** off: never; auto: when name, phone or e-mail is empty; always: every item. */
    @NotNull
    @JsonProperty
    public EnrichmentMode mode = EnrichmentMode.OFF;

    /** Call Ollama; when false, or when Ollama fails, the heuristic extractor is used. */
    @JsonProperty
    public boolean ollamaEnabled = false;

    @NotBlank
    @JsonProperty
    public String ollamaBaseUrl = "http://localhost:11434";

    @NotBlank
    @JsonProperty
    public String model = "llama3.2";

    @NotNull
    @JsonProperty
    public Duration timeout = Duration.seconds(20);

    /** True when items may be sent to Ollama: a mode other than off, and Ollama switched on. */
    public boolean callsOllama() {
        return mode != EnrichmentMode.OFF && ollamaEnabled;
    }
}
