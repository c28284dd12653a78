package com.krleads.scraper.core.net;

/**
 * A URL the scraper will not fetch: bad scheme, no host, or an address or port it must not
 * reach. A refusal of an address or port carries one generic message for the API and the job,
 * so nobody can probe which internal names resolve; {@link #rule()} names the rule for the log.
 */
public class RefusedUrlException extends Exception {
    /** What the API and the job say of every refused address, unresolved name and refused port. */
    public static final String NOT_ALLOWED = "the URL's address or port is not one the scraper may fetch";

    private final String rule;

    public RefusedUrlException(String message) {
        super(message);
        this.rule = message;
    }

    private RefusedUrlException(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    /** A refusal whose reason stays in the log: the message is {@link #NOT_ALLOWED}. */
    public static RefusedUrlException notAllowed(String rule) {
        return new RefusedUrlException(NOT_ALLOWED, rule);
    }

    /** The rule that refused the URL, for the log; the message itself for a refusal of its syntax. */
    public String rule() {
        return rule;
    }
}
