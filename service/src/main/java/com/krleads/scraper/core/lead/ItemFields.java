package com.krleads.scraper.core.lead;

import com.krleads.metrics.LabelValues.ItemField;

/**
 * The fields of one listing item while the pipeline fills them: first the selectors, then the
 * heuristics, then enrichment; a later step only fills what is still null. Values are kept
 * normalized. {@code text} is the item's visible text, the input of heuristics and enrichment,
 * cut to {@link #MAX_TEXT_CHARS}: a listing item is a few hundred characters, and the
 * heuristics' patterns, tried from every position of a long run that never matches, cost the
 * square of the text's length (200,000 letters held a worker for good).
 */
public final class ItemFields {
    public static final String SELECTOR = "selector";
    public static final String HEURISTIC = "heuristic";
    public static final String LLM = "llm";
    public static final int MAX_TEXT_CHARS = 8000;

    public String companyName;
    public String phone;
    public String email;
    public String website;
    public String address;
    public String category;
    /** The phone selector found text on the item, whether or not it normalised to a number. */
    public boolean phoneShown;
    public String phoneStatus;
    public String emailStatus;
    public final String text;
    private String method = SELECTOR;

    public ItemFields(String text) {
        String whole = text == null ? "" : text;
        this.text = whole.length() > MAX_TEXT_CHARS ? whole.substring(0, MAX_TEXT_CHARS) : whole;
    }

    /** True when name, phone or e-mail is missing: what {@code auto} enrichment fills. */
    public boolean missesKeyField() {
        return companyName == null || phone == null || email == null;
    }

    /** A bit ({@code 1 << ordinal}) for each {@link ItemField} the item has now. */
    public int presentFields() {
        return bit(ItemField.NAME, companyName != null) | bit(ItemField.PHONE, phoneShown || phone != null)
                | bit(ItemField.PHONE_VALID, phone != null) | bit(ItemField.EMAIL, email != null)
                | bit(ItemField.WEBSITE, website != null) | bit(ItemField.ADDRESS, address != null)
                | bit(ItemField.CATEGORY, category != null);
    }

    private static int bit(ItemField field, boolean present) {
        return present ? 1 << field.ordinal() : 0;
    }

    public String method() {
        return method;
    }

    /** Records that {@code method} produced fields; {@code llm} outranks {@code heuristic}. */
    public void producedBy(String newMethod) {
        if (LLM.equals(newMethod) || (HEURISTIC.equals(newMethod) && SELECTOR.equals(method))) {
            method = newMethod;
        }
    }

    public LeadDraft toDraft() {
        return new LeadDraft(companyName, phone, email, website, address, category, method,
                phoneStatus, emailStatus);
    }
}
