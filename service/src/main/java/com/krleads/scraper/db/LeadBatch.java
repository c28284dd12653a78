package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.BatchPlan;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadKeys;
import com.krleads.scraper.core.lead.StoreResult;
import com.krleads.scraper.db.LeadBatchReads.KeyColumn;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Stores drafts in one transaction as {@link JdbiLeadStore#store} would one after the other, by a
 * {@link BatchPlan}: the stored owners of the batch's keys and the neighbourhoods of its names are
 * read in a few set-based statements, the owners' rows locked in id order; the plan is made in
 * memory; then updates, inserts and candidates are written as three JDBC batches. A key another
 * writer took meanwhile meets the unique index and fails the whole batch, which the caller then
 * stores one draft at a time.
 */
final class LeadBatch {
    private final Handle handle;
    private final LeadBatchReads reads;
    private final long sourceId;
    private final Instant now;
    private final double threshold;

    LeadBatch(Handle handle, long sourceId, Instant now, double threshold) {
        this.handle = handle;
        this.reads = new LeadBatchReads(handle);
        this.sourceId = sourceId;
        this.now = now;
        this.threshold = threshold;
    }

    List<StoreResult> store(List<LeadDraft> drafts) {
        BatchPlan plan = new BatchPlan(drafts, sourceId, now, threshold);
        readOwners(plan, drafts);
        readNeighbourhoods(plan);
        List<BatchPlan.Planned> planned = plan.plan();
        return new LeadBatchWrites(handle, now).write(plan.stored(), plan.toInsert(), planned);
    }

    private void readOwners(BatchPlan plan, List<LeadDraft> drafts) {
        Map<KeyColumn, Set<String>> wanted = new EnumMap<>(KeyColumn.class);
        for (KeyColumn key : KeyColumn.values()) {
            wanted.put(key, new HashSet<>());
        }
        List<LeadKeys> keys = plan.keys();
        for (int i = 0; i < drafts.size(); i++) {
            addIfPresent(wanted.get(KeyColumn.PHONE), drafts.get(i).phone());
            addIfPresent(wanted.get(KeyColumn.EMAIL), drafts.get(i).email());
            addIfPresent(wanted.get(KeyColumn.WEBSITE), drafts.get(i).website());
            addIfPresent(wanted.get(KeyColumn.FALLBACK), keys.get(i).fallbackKey());
        }
        Map<Long, String> fallbackOf = new HashMap<>();
        wanted.forEach((key, values) -> {
            if (!values.isEmpty()) {
                for (LeadBatchReads.Row row : reads.ownersOf(key, values)) {
                    fallbackOf.put(row.lead().id(), row.fallbackKey());
                }
            }
        });
        if (fallbackOf.isEmpty()) {
            return;
        }
        List<Lead> locked = reads.lock(fallbackOf.keySet());
        if (locked.size() != fallbackOf.size()) {
            Set<Long> gone = new HashSet<>(fallbackOf.keySet());
            locked.forEach(lead -> gone.remove(lead.id()));
            throw new LeadMovedException(gone.iterator().next());
        }
        for (Lead lead : locked) {
            plan.owner(lead, fallbackOf.get(lead.id()));
        }
    }

    private void readNeighbourhoods(BatchPlan plan) {
        for (LeadBatchReads.Row row : reads.newestOf(plan.places(true), true)) {
            plan.neighbour(true, new BatchPlan.Place(row.blockKey(), row.regionKey()), row.lead());
        }
        for (LeadBatchReads.Row row : reads.newestOf(plan.places(false), false)) {
            plan.neighbour(false, new BatchPlan.Place(row.blockKey(), row.areaCode()), row.lead());
        }
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
