package com.krleads.scraper.core.lead;

import java.time.Instant;

/**
 * A business lead as stored. {@code phone} is E.164, {@code email} lower case, {@code website}
 * a normalized host. {@code extractionMethod} says what produced the fields: {@code selector},
 * {@code heuristic} or {@code llm}. Verification statuses are {@code valid|invalid|unknown},
 * or null when not verified.
 */
public record Lead(long id, String companyName, String phone, String email, String website,
                   String address, String category, long sourceId, String extractionMethod,
                   String phoneStatus, String emailStatus, Instant firstSeen, Instant lastSeen) {
}
