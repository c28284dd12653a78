package com.krleads.scraper.db;

import java.sql.SQLException;

/**
 * What a failure caused by the data of one row looks like on H2 and PostgreSQL: SQL state class
 * 22 (data exception: a value too long, a byte sequence the encoding refuses) or 23 (integrity
 * constraint) anywhere in the cause chain. Retrying the same row cannot fix it, and it says
 * nothing about the database's health.
 */
public final class DataErrors {
    private DataErrors() {
    }

    /** The SQL state of the data error behind {@code failure}, or null when it is not one. */
    public static String stateOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
