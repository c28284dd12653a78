package com.krleads.scraper.resources;

import com.krleads.scraper.api.SourceRequest;
import com.krleads.scraper.core.net.PolitenessDelay;
import com.krleads.scraper.core.net.RefusedUrlException;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.resources.errors.ApiException;
import java.net.URI;
import java.time.Instant;

/**
 * The checks of a source request that depend on configuration, made after the request's own
 * constraints have passed, and the source it describes. The first fault becomes a 422 naming
 * the field; the start URL must pass the same guard the fetcher applies.
 */
public class SourceValidator {
    static final int DEFAULT_MAX_PAGES = 10;

    private final UrlGuard guard;
    private final boolean allowPrivateAddresses;
    private final int maxPagesLimit;
    private final PolitenessDelay delay;

    public SourceValidator(UrlGuard guard, boolean allowPrivateAddresses, int maxPagesLimit, PolitenessDelay delay) {
        this.guard = guard;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.maxPagesLimit = maxPagesLimit;
        this.delay = delay;
    }

    public Source toSource(long id, SourceRequest request, Instant createdAt, Instant now) {
        if (request == null) {
            throw new ApiException(400, "malformed_json", "a JSON request body is required", null);
        }
        checkAddress(request.startUrl());
        int maxPages = request.maxPages() == null ? Math.min(DEFAULT_MAX_PAGES, maxPagesLimit) : request.maxPages();
        if (maxPages < 1 || maxPages > maxPagesLimit) {
            throw ApiException.invalid("maxPages", "maxPages must be from 1 to " + maxPagesLimit);
        }
        long delayMillis = request.delayMillis() == null ? delay.defaultMillis() : request.delayMillis();
        if (!delay.allows(delayMillis)) {
            throw ApiException.invalid("delayMillis", "delayMillis must be from " + delay.minMillis() + " (the "
                    + "politeness minimum, limits.minDelay) to " + PolitenessDelay.MAX_MILLIS);
        }
        boolean enabled = request.enabled() == null || request.enabled();
        return new Source(id, request.name(), request.startUrl(), request.selectors().toSelectors(), maxPages,
                delayMillis, enabled, createdAt, now);
    }

    private void checkAddress(String startUrl) {
        if (allowPrivateAddresses) {
            return;
        }
        try {
            guard.check(URI.create(startUrl));
        } catch (RefusedUrlException e) {
            throw new ApiException(422, "refused_address", e.getMessage(), "startUrl");
        }
    }
}
