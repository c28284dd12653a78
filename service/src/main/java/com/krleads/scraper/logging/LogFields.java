package com.krleads.scraper.logging;

/**
 * The MDC keys every log line of a request or of a job carries; the JSON layouts write them as
 * top-level fields of those names, the development pattern shows them in brackets.
 */
public final class LogFields {
    /** The request's id: the caller's {@code X-Request-Id} when usable, otherwise a new one. */
    public static final String REQUEST_ID = "requestId";
    /** The job being run. */
    public static final String JOB_ID = "jobId";
    /** The name of the source the job scrapes. */
    public static final String SOURCE = "source";

    private LogFields() {
    }
}
