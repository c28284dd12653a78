package com.krleads.scraper.core.quality;

import java.time.Clock;
import java.util.List;

/**
 * Keeps each finished job's quality: a completed job is compared with its source's baseline;
 * a failed or cancelled one is stored as measured, compared with nothing and raising nothing.
 */
public final class JobQualityService {
    private final QualityStore store;
    private final QualityRules rules;
    private final int baselineJobs;
    private final Clock clock;

    public JobQualityService(QualityStore store, QualityRules rules, int baselineJobs, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.baselineJobs = baselineJobs;
        this.clock = clock;
    }

    /**
     * Records the final state of a job: {@code completed} false for a failed or cancelled one;
     * {@code quality} null when the run measured nothing.
     */
    public QualityRecord jobEnded(long jobId, long sourceId, boolean completed, JobQuality quality) {
        if (quality == null) {
            return null;
        }
        boolean compared = completed;
        Baseline baseline = compared ? store.baseline(sourceId, jobId, baselineJobs) : Baseline.NONE;
        List<Finding> findings = compared ? rules.compare(quality.counts(), baseline) : List.of();
        QualityRecord record = new QualityRecord(jobId, sourceId, compared, clock.instant(), quality, baseline.jobs(),
                baseline.items(), findings, QualityWarnings.describe(quality, baseline, findings));
        store.save(record);
        return record;
    }

    public QualityStore store() {
        return store;
    }
}
