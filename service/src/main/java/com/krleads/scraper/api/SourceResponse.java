package com.krleads.scraper.api;

import com.krleads.scraper.core.quality.QualityRecord;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.source.Source;
import java.time.Instant;

public record SourceResponse(long id, String name, String startUrl, Selectors selectors, int maxPages,
                             long delayMillis, boolean enabled, Instant createdAt, Instant updatedAt,
                             SourceHealthResponse health) {

    public static SourceResponse of(Source s) {
        return of(s, null);
    }

    /** {@code last} is the source's last completed job's quality, null when it has none. */
    public static SourceResponse of(Source s, QualityRecord last) {
        return new SourceResponse(s.id(), s.name(), s.startUrl(), s.selectors(), s.maxPages(), s.delayMillis(),
                s.enabled(), s.createdAt(), s.updatedAt(), last == null ? null : SourceHealthResponse.of(last));
    }
}
