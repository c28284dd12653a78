package com.krleads.scraper.api;

import com.krleads.scraper.core.lead.Lead;
import java.time.Instant;

/** A stored lead; {@code sourceId} is null once its source was deleted. */
public record LeadResponse(long id, String companyName, String phone, String email, String website,
                           String address, String category, Long sourceId, String extractionMethod,
                           String phoneStatus, String emailStatus, Instant firstSeen, Instant lastSeen) {

    public static LeadResponse of(Lead l) {
        return new LeadResponse(l.id(), l.companyName(), l.phone(), l.email(), l.website(), l.address(),
                l.category(), l.sourceId() == 0 ? null : l.sourceId(), l.extractionMethod(), l.phoneStatus(),
                l.emailStatus(), l.firstSeen(), l.lastSeen());
    }
}
