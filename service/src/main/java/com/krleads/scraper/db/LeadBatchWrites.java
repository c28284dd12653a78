package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.BatchLead;
import com.krleads.scraper.core.lead.BatchPlan.Candidate;
import com.krleads.scraper.core.lead.BatchPlan.Planned;
import com.krleads.scraper.core.lead.BatchPlan;
import com.krleads.scraper.core.lead.CandidatePair;
import com.krleads.scraper.core.lead.Deduplication;
import com.krleads.scraper.core.lead.StoreResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes what a {@link BatchPlan} planned: updates, inserts, then candidates, each as one JDBC batch. */
final class LeadBatchWrites {
    private final Handle handle;
    private final Instant now;

    LeadBatchWrites(Handle handle, Instant now) {
        this.handle = handle;
        this.now = now;
    }

    List<StoreResult> write(Collection<BatchLead> stored, List<BatchLead> toInsert, List<Planned> planned) {
        update(stored);
        insert(toInsert);
        int[] recorded = recordCandidates(planned);
        List<StoreResult> results = new ArrayList<>(planned.size());
        int next = 0;
        for (Planned p : planned) {
            boolean candidate = false;
            for (int i = 0; i < p.candidates().size(); i++) {
                candidate |= recorded[next++] == 1;
            }
            results.add(new StoreResult(p.lead().id(), p.created(), candidate));
        }
        return results;
    }

    private void update(Collection<BatchLead> stored) {
        PreparedBatch batch = handle.prepareBatch(LeadDao.UPDATE);
        List<BatchLead> changed = new ArrayList<>();
        for (BatchLead lead : stored) {
            if (lead.changed()) {
                batch.bindMethods("l", lead.lead()).bindMethods("k", Deduplication.keysOf(lead.lead())).add();
                changed.add(lead);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw new LeadMovedException(changed.get(i).id());
            }
        }
    }

    private void insert(List<BatchLead> toInsert) {
        if (toInsert.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(LeadDao.INSERT_LEAD);
        for (BatchLead lead : toInsert) {
            batch.bindMethods("l", lead.lead()).bindMethods("k", Deduplication.keysOf(lead.lead()))
                    .bind("fallbackKey", lead.fallbackKey()).add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != toInsert.size()) {
            throw new IllegalStateException("the database returned " + ids.size() + " ids for " + toInsert.size()
                    + " inserted leads");
        }
        for (int i = 0; i < ids.size(); i++) {
            toInsert.get(i).inserted(ids.get(i));
        }
    }

    /** @return per candidate, in plan order, 1 when recorded and 0 when the pair was already there */
    private int[] recordCandidates(List<Planned> planned) {
        PreparedBatch batch = handle.prepareBatch(DuplicateDao.INSERT);
        for (Planned p : planned) {
            for (Candidate c : p.candidates()) {
                CandidatePair pair = c.pair();
                batch.bind("leadId", pair.leadId()).bind("otherId", pair.otherLeadId())
                        .bind("similarity", pair.similarity()).bind("reason", pair.reason()).bind("now", now).add();
            }
        }
        return batch.size() == 0 ? new int[0] : batch.execute();
    }
}
