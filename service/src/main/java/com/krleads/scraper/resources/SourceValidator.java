package com.krleads.scraper.resources;

import com.krleads.scraper.api.SourceRequest;
import com.krleads.scraper.core.PolitenessDelay;
import com.krleads.scraper.core.RefusedUrlException;
import com.krleads.scraper.core.Selectors;
import com.krleads.scraper.core.Source;
import com.krleads.scraper.core.UrlGuard;
import com.krleads.scraper.core.scrape.SelectorCheck;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Checks a source request field by field and builds the source; the first fault becomes a
 * 422 naming the field. The start URL must pass the same guard the fetcher applies.
 */
public class SourceValidator {
    static final int DEFAULT_MAX_PAGES = 10;
    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 2048;
    private static final int MAX_SELECTOR = 500;

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
        String name = required("name", request.name(), MAX_NAME);
        String startUrl = required("startUrl", request.startUrl(), MAX_URL);
        checkUrl(startUrl);
        Selectors selectors = checkSelectors(request.selectors());
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
        return new Source(id, name, startUrl, selectors, maxPages, delayMillis, enabled, createdAt, now);
    }

    private void checkUrl(String startUrl) {
        URI uri;
        try {
            uri = new URI(startUrl);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("startUrl", "startUrl is not a valid URL: " + e.getReason());
        }
        try {
            UrlGuard.checkSyntax(uri);
        } catch (RefusedUrlException e) {
            throw ApiException.invalid("startUrl", e.getMessage());
        }
        if (!allowPrivateAddresses) {
            try {
                guard.check(uri);
            } catch (RefusedUrlException e) {
                throw new ApiException(422, "refused_address", e.getMessage(), "startUrl");
            }
        }
    }

    private static Selectors checkSelectors(Selectors s) {
        if (s == null || s.item() == null || s.item().isBlank()) {
            throw ApiException.invalid("selectors.item", "selectors.item is required: it finds the listing's items");
        }
        return new Selectors(css("item", s.item()), css("name", s.name()), css("phone", s.phone()),
                css("email", s.email()), css("website", s.website()), css("address", s.address()),
                css("category", s.category()), css("nextPage", s.nextPage()));
    }

    private static String css(String field, String selector) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        String trimmed = selector.trim();
        if (trimmed.length() > MAX_SELECTOR) {
            throw ApiException.invalid("selectors." + field, "selector longer than " + MAX_SELECTOR + " characters");
        }
        try {
            QueryParser.parse(trimmed);
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            throw ApiException.invalid("selectors." + field, "not a valid CSS selector: " + e.getMessage());
        }
        String regex = SelectorCheck.regexProblem(trimmed);
        if (regex != null) {
            throw ApiException.invalid("selectors." + field, regex);
        }
        return trimmed;
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, field + " is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw ApiException.invalid(field, field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
