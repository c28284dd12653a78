package com.krleads.scraper.core.lead;

/**
 * What storing one {@link LeadDraft} did: a new lead, or an existing lead updated through an
 * exact key match (an automatic merge); {@code candidateCreated} when a near match was recorded
 * as a duplicate candidate for review.
 */
public record StoreResult(long leadId, boolean created, boolean candidateCreated) {
}
