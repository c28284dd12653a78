package com.krleads.scraper.core.lead;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores extracted leads with deduplication. Idempotent: storing the same draft twice (a job
 * retried after a crash) updates the lead stored the first time and creates nothing new.
 */
public interface LeadStore {
    StoreResult store(long sourceId, LeadDraft draft);

    /**
     * Stores drafts as if one after the other, in order, with the same results; a store may do it
     * in fewer round trips. A draft the database refuses is one rejected outcome, the others are stored.
     */
    default List<StoreOutcome> storeAll(long sourceId, List<LeadDraft> drafts) {
        List<StoreOutcome> outcomes = new ArrayList<>(drafts.size());
        for (LeadDraft draft : drafts) {
            try {
                outcomes.add(StoreOutcome.stored(store(sourceId, draft)));
            } catch (ItemRejectedException e) {
                outcomes.add(StoreOutcome.rejected(e));
            }
        }
        return outcomes;
    }
}
