package com.krleads.scraper.db;

/**
 * The lead a sighting was matched to is gone by the time its row is locked (a review merged it
 * away) or its update touched no row: the sighting is matched again in a new transaction.
 */
final class LeadMovedException extends RuntimeException {
    LeadMovedException(long leadId) {
        super("lead " + leadId + " changed while a sighting was merged into it", null, false, false);
    }
}
