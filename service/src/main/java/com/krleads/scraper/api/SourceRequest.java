package com.krleads.scraper.api;

import com.krleads.scraper.api.validation.WebUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of POST and PUT /api/sources; absent maxPages, delayMillis and enabled take defaults.
 * Their limits and the address of startUrl depend on configuration and are checked in code.
 */
public record SourceRequest(
        @NotNull(message = "name is required")
        @Size(max = 200, message = "name is longer than {max} characters")
        String name,
        @NotNull(message = "startUrl is required")
        @Size(max = 2048, message = "startUrl is longer than {max} characters")
        @WebUrl(message = "startUrl is not a valid URL: {reason}")
        String startUrl,
        @Valid SelectorsRequest selectors,
        Integer maxPages,
        Long delayMillis,
        Boolean enabled) {

    /** Blank text reads as absent and text is trimmed, so the constraints see what is stored. */
    public SourceRequest {
        name = trimmed(name);
        startUrl = trimmed(startUrl);
        selectors = selectors == null ? SelectorsRequest.NONE : selectors;
    }

    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
