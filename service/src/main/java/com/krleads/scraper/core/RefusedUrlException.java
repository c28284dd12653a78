package com.krleads.scraper.core;

/** A URL the scraper will not fetch: bad scheme, no host, or an address it must not reach. */
public class RefusedUrlException extends Exception {
    public RefusedUrlException(String message) {
        super(message);
    }
}
