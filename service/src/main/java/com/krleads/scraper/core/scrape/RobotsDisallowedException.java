package com.krleads.scraper.core.scrape;

import java.net.URI;

/** The site's robots.txt does not let our user agent fetch this URL, so it was not requested. */
public class RobotsDisallowedException extends FetchException {
    private final URI uri;

    public RobotsDisallowedException(URI uri) {
        super("robots.txt disallows " + uri, -1);
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }
}
