package com.krleads.scraper.core.lead;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step before a draft is stored: every field cleaned ({@link StorableText}), the
 * free-text fields (name, address, category) cut to their column, and the item rejected with
 * a reason when a contact (phone, e-mail, website) or a status is longer than its column, since
 * a cut contact would be a wrong one, or when nothing that makes a lead is left.
 */
public final class LeadSanitizer {

    /** Either a draft ready to store, with what was cut in {@code notes}, or a {@code rejection}. */
    public record Result(LeadDraft draft, String rejection, List<String> notes) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    private LeadSanitizer() {
    }

    public static Result sanitize(LeadDraft raw) {
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        LeadDraft draft = new LeadDraft(
                text("company name", raw.companyName(), LeadColumns.COMPANY_NAME, notes),
                exact("phone", raw.phone(), LeadColumns.PHONE, problems),
                exact("e-mail", raw.email(), LeadColumns.EMAIL, problems),
                exact("website", raw.website(), LeadColumns.WEBSITE, problems),
                text("address", raw.address(), LeadColumns.ADDRESS, notes),
                text("category", raw.category(), LeadColumns.CATEGORY, notes),
                exact("extraction method", raw.extractionMethod(), LeadColumns.EXTRACTION_METHOD, problems),
                exact("phone status", raw.phoneStatus(), LeadColumns.STATUS, problems),
                exact("e-mail status", raw.emailStatus(), LeadColumns.STATUS, problems));
        if (!problems.isEmpty()) {
            return new Result(null, String.join("; ", problems), notes);
        }
        if (!draft.isLead()) {
            return new Result(null, "no company name or contact is left after removing control characters", notes);
        }
        return new Result(draft, null, notes);
    }

    private static String text(String field, String raw, int limit, List<String> notes) {
        String cleaned = StorableText.clean(raw);
        if (cleaned != null && cleaned.length() > limit) {
            notes.add(field + " cut from " + cleaned.length() + " to " + limit + " characters");
            return StorableText.truncate(cleaned, limit);
        }
        return cleaned;
    }

    private static String exact(String field, String raw, int limit, List<String> problems) {
        String cleaned = StorableText.clean(raw);
        if (cleaned != null && cleaned.length() > limit) {
            problems.add(field + " is " + cleaned.length() + " characters, over the " + limit + " its column holds");
        }
        return cleaned;
    }
}
