package com.krleads.scraper.core.lead;

import java.time.Instant;

/** Two leads that look alike but share no exact key: kept for a person to merge or dismiss. */
public record DuplicateCandidate(long id, long leadId, long otherLeadId, double similarity,
                                 String reason, DuplicateStatus status, Instant createdAt,
                                 Instant resolvedAt) {

    public enum DuplicateStatus {
        OPEN, MERGED, DISMISSED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
