package com.krleads.scraper.core.scrape;

/**
 * A page could not be fetched. {@code status} is the HTTP status of the final answer, or
 * {@code -1} when there was none (refused address, timeout, body over the limit, I/O error).
 */
public class FetchException extends Exception {
    private final int status;

    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    public int status() {
        return status;
    }
}
