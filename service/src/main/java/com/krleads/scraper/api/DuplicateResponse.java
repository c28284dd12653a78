package com.krleads.scraper.api;

import com.krleads.scraper.core.lead.DuplicateCandidate;
import java.time.Instant;

public record DuplicateResponse(long id, long leadId, long otherLeadId, double similarity, String reason,
                                String status, Instant createdAt, Instant resolvedAt) {

    public static DuplicateResponse of(DuplicateCandidate c) {
        return new DuplicateResponse(c.id(), c.leadId(), c.otherLeadId(), c.similarity(), c.reason(),
                c.status().value(), c.createdAt(), c.resolvedAt());
    }
}
