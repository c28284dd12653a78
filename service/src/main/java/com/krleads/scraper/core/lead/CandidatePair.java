package com.krleads.scraper.core.lead;

/** Two leads to record as a duplicate candidate, in the order the candidate names them, and why. */
public record CandidatePair(long leadId, long otherLeadId, double similarity, String reason) {

    /** A new lead near an older one: the older is named first; {@code reason} comes from the near match. */
    public static CandidatePair near(long olderId, long newId, double similarity, String reason) {
        return new CandidatePair(olderId, newId, similarity, reason);
    }

    /**
     * Two leads one sighting links (the target it merged into and the other owner of its
     * {@code key}): the lower id first, so that the pair is recorded once whichever way it was found.
     */
    public static CandidatePair link(long targetId, long ownerId, double similarity, String key) {
        return new CandidatePair(Math.min(targetId, ownerId), Math.max(targetId, ownerId), similarity,
                SightingMatch.linkReason(targetId, ownerId, key));
    }
}
