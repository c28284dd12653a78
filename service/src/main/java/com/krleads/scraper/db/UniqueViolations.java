package com.krleads.scraper.db;

import java.sql.SQLException;

/** What a unique-constraint violation looks like on H2 and PostgreSQL: SQL state 23505 anywhere in the cause chain. */
public final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** True when the failure, or one of its causes, is a unique-constraint violation. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
