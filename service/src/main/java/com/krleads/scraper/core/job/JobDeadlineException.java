package com.krleads.scraper.core.job;

/**
 * A run reached its wall-clock deadline. The job fails at once rather than being retried: the
 * same source would hold a worker just as long again. What was stored before stays stored.
 */
public class JobDeadlineException extends Exception {
    public JobDeadlineException(String message) {
        super(message);
    }
}
