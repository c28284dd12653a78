package com.krleads.scraper.api;

import com.krleads.scraper.core.Selectors;

/** Body of POST and PUT /api/sources; absent maxPages, delayMillis and enabled take defaults. */
public record SourceRequest(String name, String startUrl, Selectors selectors, Integer maxPages,
                            Long delayMillis, Boolean enabled) {
}
