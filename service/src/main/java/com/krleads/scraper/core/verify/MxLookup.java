package com.krleads.scraper.core.verify;

import java.time.Duration;

/** Asks DNS whether a mail domain can receive mail. */
@FunctionalInterface
public interface MxLookup {
    enum Answer {
        /** The domain has an MX record, or lacking one an address record (the implicit MX). */
        MAIL_HOST,
        /** The domain does not exist, or has neither MX nor A record. */
        NO_MAIL_HOST,
        /** DNS could not answer in time. */
        UNKNOWN
    }

    /** Answers within about {@code timeout}; {@link Answer#UNKNOWN} past it. */
    Answer lookup(String domain, Duration timeout);
}
