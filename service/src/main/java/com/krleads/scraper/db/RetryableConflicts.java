package com.krleads.scraper.db;

import java.sql.SQLException;

/**
 * Failures that another transaction caused and that the same work, tried again in a new
 * transaction, gets past: a unique-key race (23505), a serialization failure or deadlock
 * (class 40) and H2's lock timeout (HYT00).
 */
final class RetryableConflicts {
    private RetryableConflicts() {
    }

    static boolean causedBy(Throwable failure) {
        if (failure instanceof LeadMovedException || UniqueViolations.causedBy(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
        }
        return false;
    }
}
