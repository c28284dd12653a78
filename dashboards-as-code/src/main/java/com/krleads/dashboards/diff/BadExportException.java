package com.krleads.dashboards.diff;

/** The file given to the diff is not a usable dashboard export; the message is one line for the operator. */
public final class BadExportException extends Exception {
    public BadExportException(String message) {
        super(message);
    }
}
