package com.krleads.scraper.worker;

import com.krleads.scraper.core.lead.StorableText;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The message a client reads on a failed job: the cause in words, without SQL, Java class
 * names or control characters, short enough for the column. A database failure is named as
 * such and nothing more; the full exception is in the service log.
 */
final class JobFailureMessage {
    static final int MAX_LENGTH = 4000;
    static final String DATABASE = "the database failed while the job ran; see the service log";
    static final String UNEXPECTED = "unexpected error while the job ran; see the service log";
    /** Saved when the real message could not be: the job still ends, and the log has the cause. */
    static final String UNSAVED = "the job failed and its cause could not be saved; see the service log";

    /** A fully qualified exception class name, with the colon that usually follows it. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*+\\.)++[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*+");

    private JobFailureMessage() {
    }

    static String of(Throwable failure) {
        if (failure == null) {
            return UNEXPECTED;
        }
        if (fromDatabase(failure)) {
            return DATABASE;
        }
        String message = StorableText.clean(failure.getMessage());
        if (message != null) {
            message = StorableText.clean(CLASS_NAME.matcher(message).replaceAll(""));
        }
        return message == null ? UNEXPECTED : StorableText.truncate(message, MAX_LENGTH);
    }

    private static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (t instanceof SQLException || type.startsWith("org.jdbi.") || type.startsWith("org.h2.")
                    || type.startsWith("org.postgresql.")) {
                return true;
            }
        }
        return false;
    }
}
