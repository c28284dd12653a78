package com.krleads.scraper.core.scrape;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The fetching state of one job: robots.txt read once per host and the politeness delay kept
 * between two requests to the same host. Not thread-safe; one job runs on one thread.
 */
public final class FetchSession {
    private final PageFetcher fetcher;
    private final long delayMillis;
    private final Map<String, RobotsRules> robotsByOrigin = new HashMap<>();
    private final Map<String, Long> lastRequestNanos = new HashMap<>();

    public FetchSession(PageFetcher fetcher, long delayMillis) {
        this.fetcher = fetcher;
        this.delayMillis = Math.max(0, delayMillis);
    }

    /**
     * Fetches a page unless the host's robots.txt forbids it.
     *
     * @throws RobotsDisallowedException when robots.txt disallows the URL (nothing is requested)
     * @throws FetchException when robots.txt or the page cannot be fetched
     */
    public FetchedPage fetch(URI uri) throws FetchException, InterruptedException {
        checkRobots(uri);
        return politeGet(uri, this::checkRobots);
    }

    /** Redirect targets are checked too: a listing may not redirect us into a forbidden path. */
    private void checkRobots(URI uri) throws FetchException, InterruptedException {
        if (!robotsFor(uri).allows(pathAndQuery(uri))) {
            throw new RobotsDisallowedException(uri);
        }
    }

    private RobotsRules robotsFor(URI uri) throws FetchException, InterruptedException {
        String origin = origin(uri);
        RobotsRules cached = robotsByOrigin.get(origin);
        if (cached != null) {
            return cached;
        }
        RobotsRules rules;
        try {
            URI robotsUri = URI.create(origin + "/robots.txt");
            FetchedPage robots = polite(robotsUri, () -> fetcher.getPrefix(robotsUri, RobotsRules.MAX_BYTES));
            rules = RobotsRules.parse(robots.text(), fetcher.userAgent(), robots.body().length >= RobotsRules.MAX_BYTES);
        } catch (FetchException e) {
            // RFC 9309: a 4xx robots.txt means no rules; an unreachable one (5xx, network)
            // means assume everything is disallowed, so the job fails with the reason.
            if (e.status() >= 400 && e.status() < 500) {
                rules = RobotsRules.ALLOW_ALL;
            } else {
                throw new FetchException("cannot read robots.txt of " + origin + ": " + e.getMessage(), e);
            }
        }
        robotsByOrigin.put(origin, rules);
        return rules;
    }

    private FetchedPage politeGet(URI uri, PageFetcher.RedirectFilter redirectFilter)
            throws FetchException, InterruptedException {
        return polite(uri, () -> fetcher.get(uri, redirectFilter));
    }

    private interface Request {
        FetchedPage send() throws FetchException, InterruptedException;
    }

    private FetchedPage polite(URI uri, Request request) throws FetchException, InterruptedException {
        String host = origin(uri);
        Long last = lastRequestNanos.get(host);
        if (last != null && delayMillis > 0) {
            long waitMillis = delayMillis - (System.nanoTime() - last) / 1_000_000;
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
        }
        try {
            return request.send();
        } finally {
            lastRequestNanos.put(host, System.nanoTime());
        }
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return scheme + "://" + uri.getRawAuthority();
    }

    static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
