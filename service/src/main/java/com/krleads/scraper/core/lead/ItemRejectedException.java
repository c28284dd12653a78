package com.krleads.scraper.core.lead;

/**
 * One item could not be stored because of its own data; the job counts it as an error and goes
 * on with the next item. The message names the problem, never the SQL.
 */
public class ItemRejectedException extends RuntimeException {
    public ItemRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
