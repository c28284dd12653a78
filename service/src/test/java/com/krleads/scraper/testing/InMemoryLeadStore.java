package com.krleads.scraper.testing;

import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadStore;
import com.krleads.scraper.core.lead.StoreResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link LeadStore} for pipeline tests: exact-key deduplication on phone, e-mail and website
 * host, in memory. The database-backed store (with near-duplicate candidates) has its own DAO
 * tests, and the end-to-end application test runs the pipeline against it.
 */
public final class InMemoryLeadStore implements LeadStore {
    private final List<LeadDraft> leads = new ArrayList<>();
    private final List<LeadDraft> received = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();

    @Override
    public synchronized StoreResult store(long sourceId, LeadDraft draft) {
        received.add(draft);
        for (String key : keys(draft)) {
            Integer existing = byKey.get(key);
            if (existing != null) {
                return new StoreResult(existing + 1, false, false);
            }
        }
        leads.add(draft);
        int index = leads.size() - 1;
        keys(draft).forEach(k -> byKey.put(k, index));
        return new StoreResult(index + 1, true, false);
    }

    /** Leads stored as new, in order. */
    public synchronized List<LeadDraft> leads() {
        return List.copyOf(leads);
    }

    /** Every draft passed to {@link #store}, in order. */
    public synchronized List<LeadDraft> received() {
        return List.copyOf(received);
    }

    public synchronized LeadDraft byName(String companyName) {
        return received.stream().filter(d -> companyName.equals(d.companyName())).findFirst()
                .orElseThrow(() -> new AssertionError("no lead named " + companyName));
    }

    private static List<String> keys(LeadDraft draft) {
        List<String> keys = new ArrayList<>();
        if (draft.phone() != null) {
            keys.add("phone:" + draft.phone());
        }
        if (draft.email() != null) {
            keys.add("email:" + draft.email());
        }
        if (draft.website() != null) {
            keys.add("web:" + draft.website());
        }
        return keys;
    }
}
