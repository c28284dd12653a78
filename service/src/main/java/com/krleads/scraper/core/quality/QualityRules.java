package com.krleads.scraper.core.quality;

import com.krleads.metrics.LabelValues.ItemField;
import java.util.ArrayList;
import java.util.List;

/**
 * The one home of what counts as a broken source: a completed job compared with the median of
 * its source's previous completed jobs.
 * <ul>
 * <li>zero yield: no items, where the baseline had items or there is no baseline yet;</li>
 * <li>yield drop: fewer items than the baseline by more than {@code yieldDropShare};</li>
 * <li>coverage drop: a field's share of items below its baseline share by more than
 * {@code coverageDropShare}, for fields the baseline had on at least {@code minBaselineCoverage}
 * of its items (rarer fields are noise).</li>
 * </ul>
 * A job without items raises no coverage finding: zero yield says it all.
 */
public final class QualityRules {
    private final double yieldDropShare;
    private final double coverageDropShare;
    private final double minBaselineCoverage;

    public QualityRules(double yieldDropShare, double coverageDropShare, double minBaselineCoverage) {
        this.yieldDropShare = yieldDropShare;
        this.coverageDropShare = coverageDropShare;
        this.minBaselineCoverage = minBaselineCoverage;
    }

    public List<Finding> compare(FieldCounts job, Baseline baseline) {
        if (job.items() == 0) {
            return baseline.jobs() == 0 || baseline.items() > 0 ? List.of(Finding.zeroYield(baseline.items())) : List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (baseline.jobs() == 0) {
            return findings;
        }
        if (baseline.items() > 0 && job.items() < baseline.items() * (1 - yieldDropShare)) {
            findings.add(Finding.yieldDrop(job.items(), baseline.items()));
        }
        for (ItemField field : FieldCounts.FIELDS) {
            double usual = baseline.coverage(field);
            double now = job.coverage(field);
            if (usual >= minBaselineCoverage && usual > 0 && now < usual * (1 - coverageDropShare)) {
                findings.add(Finding.coverageDrop(field, now, usual));
            }
        }
        return findings;
    }
}
