package com.krleads.scraper.core.job;

import java.util.Locale;

/** Life cycle of a scraping job: queued, then running, then one of the three final states. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The value stored in the database and shown in the API. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
