package com.krleads.scraper.core.scrape;

/** A job cannot go on: its start page is refused or forbidden by robots.txt, or a page failed. */
public class ScrapeException extends Exception {
    public ScrapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
