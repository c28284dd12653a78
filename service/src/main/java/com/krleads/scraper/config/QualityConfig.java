package com.krleads.scraper.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How a completed job is compared with its source's history (see {@code QualityRules}). */
public class QualityConfig {
    /** Completed jobs before this one whose median is the baseline. */
    @Min(1)
    @Max(50)
    @JsonProperty
    public int baselineJobs = 5;

    /** A yield below the baseline by more than this share is a finding. */
    @DecimalMin("0.01")
    @DecimalMax("1.0")
    @JsonProperty
    public double yieldDropShare = 0.5;

    /** A field's coverage below its baseline coverage by more than this share is a finding. */
    @DecimalMin("0.01")
    @DecimalMax("1.0")
    @JsonProperty
    public double coverageDropShare = 0.5;

    /** Fields the baseline had on fewer of its items than this share are not compared. */
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    @JsonProperty
    public double minBaselineCoverage = 0.1;
}
