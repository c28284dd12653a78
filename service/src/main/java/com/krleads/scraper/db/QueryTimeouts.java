package com.krleads.scraper.db;

import java.sql.SQLException;

/**
 * What a statement cancelled by its timeout looks like on H2 and PostgreSQL: SQL state 57014
 * (query_canceled) anywhere in the cause chain.
 */
public final class QueryTimeouts {
    private static final String QUERY_CANCELED = "57014";

    private QueryTimeouts() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
