package com.krleads.scraper.core.lead;

/**
 * One item after extraction, normalization, enrichment and verification, ready to be stored:
 * phone in E.164, email lower case, website a host; any field may be null.
 * {@code extractionMethod} is {@code selector}, {@code heuristic} or {@code llm}.
 */
public record LeadDraft(String companyName, String phone, String email, String website,
                        String address, String category, String extractionMethod,
                        String phoneStatus, String emailStatus) {

    /** A lead needs a company name or at least one contact. */
    public boolean isLead() {
        return notBlank(companyName) || notBlank(phone) || notBlank(email) || notBlank(website);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
