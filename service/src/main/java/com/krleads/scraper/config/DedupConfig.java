package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** Near-duplicate detection. */
public class DedupConfig {
    /** Company-name similarity (0..1) at or above which a near match becomes a candidate. */
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    @JsonProperty
    public double nameSimilarityThreshold = 0.85;
}
