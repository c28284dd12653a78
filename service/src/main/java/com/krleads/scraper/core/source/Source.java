package com.krleads.scraper.core.source;

import java.time.Instant;

/** A directory website to scrape: where to start and how to read its pages. */
public record Source(long id, String name, String startUrl, Selectors selectors, int maxPages,
                     long delayMillis, boolean enabled, Instant createdAt, Instant updatedAt) {
}
