package com.krleads.scraper.core.lead;

/**
 * One lead as a batch sees it while it plans: a stored row (locked when a sighting merges into
 * it) or a lead the batch will insert, with its fields as folded so far.
 */
public final class BatchLead {
    private final long storedId;
    private final int insertOrder;
    private final String fallbackKey;
    private Lead lead;
    private String nameKey;
    private boolean changed;
    private long id;

    private BatchLead(long storedId, int insertOrder, Lead lead, String fallbackKey) {
        this.storedId = storedId;
        this.insertOrder = insertOrder;
        this.lead = lead;
        this.fallbackKey = fallbackKey;
        this.nameKey = NameSimilarity.normalize(lead.companyName());
        this.id = storedId;
    }

    static BatchLead stored(Lead lead) {
        return new BatchLead(lead.id(), -1, lead, null);
    }

    static BatchLead toInsert(Lead lead, int insertOrder, String fallbackKey) {
        return new BatchLead(0, insertOrder, lead, fallbackKey);
    }

    boolean isNew() {
        return storedId == 0;
    }

    /** Newer leads sort higher, as their ids will: every lead to insert is newer than every stored one. */
    long age() {
        return isNew() ? Long.MAX_VALUE / 2 + insertOrder : storedId;
    }

    /** The fallback key a new lead is inserted with (its draft's); null for a stored one. */
    public String fallbackKey() {
        return fallbackKey;
    }

    public Lead lead() {
        return lead;
    }

    String nameKey() {
        return nameKey;
    }

    void fold(Lead merged) {
        changed = true;
        lead = merged;
        nameKey = NameSimilarity.normalize(merged.companyName());
    }

    /** The stored lead, as re-read under its row lock. */
    void relocked(Lead current) {
        lead = current;
        nameKey = NameSimilarity.normalize(current.companyName());
    }

    public boolean changed() {
        return changed;
    }

    /** The id the lead has, or for a new one the id its insert gave it. */
    public long id() {
        return id;
    }

    public void inserted(long newId) {
        id = newId;
    }
}
