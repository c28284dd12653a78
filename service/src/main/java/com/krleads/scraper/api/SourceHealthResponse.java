package com.krleads.scraper.api;

import com.krleads.scraper.core.quality.Finding;
import com.krleads.scraper.core.quality.QualityRecord;
import java.time.Instant;
import java.util.List;

/**
 * A source's last completed job against its baseline: {@code baselineItems} null when the job had
 * no earlier completed job to compare with; {@code findings} empty when all is well.
 */
public record SourceHealthResponse(long lastJobId, Instant lastJobAt, int items, Double baselineItems,
                                   int baselineJobs, List<FindingResponse> findings, List<String> warnings) {

    public static SourceHealthResponse of(QualityRecord record) {
        return new SourceHealthResponse(record.jobId(), record.recordedAt(), record.quality().counts().items(),
                orNull(record.baselineItems()), record.baselineJobs(),
                record.findings().stream().map(FindingResponse::of).toList(), record.warnings());
    }

    static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** {@code field} null for the yield findings; observed and baseline are items, or shares for coverage. */
    public record FindingResponse(String kind, String field, double observed, Double baseline) {
        static FindingResponse of(Finding finding) {
            return new FindingResponse(finding.kind().value(), finding.field() == null ? null : finding.field().label(),
                    finding.observed(), orNull(finding.baseline()));
        }
    }
}
