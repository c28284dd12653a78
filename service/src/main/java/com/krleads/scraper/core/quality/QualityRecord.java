package com.krleads.scraper.core.quality;

import java.time.Instant;
import java.util.List;

/**
 * A job's quality as stored with it: what it measured, the baseline it was compared with
 * ({@code compared} only for completed jobs; NaN items without a baseline), its findings and
 * its warnings.
 */
public record QualityRecord(long jobId, long sourceId, boolean compared, Instant recordedAt, JobQuality quality,
                            int baselineJobs, double baselineItems, List<Finding> findings, List<String> warnings) {
    public QualityRecord {
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }
}
