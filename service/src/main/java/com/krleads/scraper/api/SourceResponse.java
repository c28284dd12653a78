package com.krleads.scraper.api;

import com.krleads.scraper.core.Selectors;
import com.krleads.scraper.core.Source;
import java.time.Instant;

public record SourceResponse(long id, String name, String startUrl, Selectors selectors, int maxPages,
                             long delayMillis, boolean enabled, Instant createdAt, Instant updatedAt) {

    public static SourceResponse of(Source s) {
        return new SourceResponse(s.id(), s.name(), s.startUrl(), s.selectors(), s.maxPages(), s.delayMillis(),
                s.enabled(), s.createdAt(), s.updatedAt());
    }
}
