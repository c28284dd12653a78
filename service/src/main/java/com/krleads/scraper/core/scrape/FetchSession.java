package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.net.HostPacer;
import com.krleads.scraper.core.net.LocalHostPacer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fetching state of one job: robots.txt read once per host, and the politeness delay kept
 * between the starts of two requests to the same host, through a {@link HostPacer} that other
 * jobs (and replicas) share. Not thread-safe; one job runs on one thread.
 */
public final class FetchSession {
    private final PageFetcher fetcher;
    private final long delayMillis;
    private final HostPacer pacer;
    private final Map<String, RobotsRules> robotsByOrigin = new HashMap<>();

    /** A session paced on its own, as if no other job fetched. */
    public FetchSession(PageFetcher fetcher, long delayMillis) {
        this(fetcher, delayMillis, new LocalHostPacer(Clock.systemUTC()));
    }

    public FetchSession(PageFetcher fetcher, long delayMillis, HostPacer pacer) {
        this.fetcher = fetcher;
        this.delayMillis = Math.max(0, delayMillis);
        this.pacer = pacer;
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
        if (delayMillis > 0) {
            String host = uri.getHost() == null ? origin(uri) : uri.getHost().toLowerCase(Locale.ROOT);
            Duration wait = pacer.reserve(host, Duration.ofMillis(delayMillis));
            if (wait.toNanos() > 0) {
                Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
            }
        }
        return request.send();
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
