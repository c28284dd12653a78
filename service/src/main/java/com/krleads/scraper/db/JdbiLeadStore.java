package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.Deduplication;
import com.krleads.scraper.core.lead.ItemRejectedException;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadStore;
import com.krleads.scraper.core.lead.StoreOutcome;
import com.krleads.scraper.core.lead.StoreResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores leads with the rules of {@link Deduplication}: one transaction per draft ({@link #store}),
 * or per batch of a page's drafts ({@link #storeAll}, through {@link LeadBatch}) with the same
 * results. Two writers racing on one key meet the unique index: the loser retries and then finds
 * the winner's row, so no key is stored twice. A merge locks the matched lead's row and folds the
 * sighting into the row as last committed, so concurrent sightings (and a review's merge) never
 * overwrite each other's fields; a lead merged away meanwhile sends the sighting back to matching,
 * in a new transaction. A row the database refuses for its data (SQLSTATE class 22 or 23) is an
 * {@link ItemRejectedException}: that one item is lost, not the job; any other failure (connection,
 * pool) propagates.
 */
public class JdbiLeadStore implements LeadStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiLeadStore.class);
    private static final int MAX_TRIES = 6;
    /** Drafts per transaction: a page of a typical listing is one, a page of thousands a few. */
    public static final int BATCH_SIZE = 500;

    private final Jdbi jdbi;
    private final Clock clock;
    private final double nameSimilarityThreshold;
    private final Deduplication deduplication;

    public JdbiLeadStore(Jdbi jdbi, Clock clock, double nameSimilarityThreshold) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.nameSimilarityThreshold = nameSimilarityThreshold;
        this.deduplication = new Deduplication(nameSimilarityThreshold);
    }

    /**
     * Stores the drafts in transactions of at most {@link #BATCH_SIZE}, with the results of storing them
     * one after the other. A batch the database refuses (a row's data, a key another writer took, a
     * merged lead gone) is rolled back and stored again one draft at a time: a bad item costs that item.
     */
    @Override
    public List<StoreOutcome> storeAll(long sourceId, List<LeadDraft> drafts) {
        for (LeadDraft draft : drafts) {
            if (!draft.isLead()) {
                throw new IllegalArgumentException("a lead needs a company name or a contact");
            }
        }
        List<StoreOutcome> outcomes = new ArrayList<>(drafts.size());
        for (int from = 0; from < drafts.size(); from += BATCH_SIZE) {
            List<LeadDraft> part = drafts.subList(from, Math.min(drafts.size(), from + BATCH_SIZE));
            try {
                List<StoreResult> results = jdbi.inTransaction(h ->
                        new LeadBatch(h, sourceId, clock.instant(), nameSimilarityThreshold).store(part));
                results.forEach(result -> outcomes.add(StoreOutcome.stored(result)));
            } catch (JdbiException | LeadMovedException e) {
                // A database that is down fails the first of these too, and that failure propagates.
                LOG.debug("A batch of {} leads was refused; storing them one at a time", part.size(), e);
                outcomes.addAll(LeadStore.super.storeAll(sourceId, part));
            }
        }
        return outcomes;
    }

    @Override
    public StoreResult store(long sourceId, LeadDraft draft) {
        if (!draft.isLead()) {
            throw new IllegalArgumentException("a lead needs a company name or a contact");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> deduplication.store(new DeduplicationRows(h), sourceId, draft,
                        clock.instant()));
            } catch (JdbiException | LeadMovedException e) {
                if (!RetryableConflicts.causedBy(e) || attempt >= MAX_TRIES) {
                    String refused = DataErrors.stateOf(e);
                    if (refused != null) {
                        throw new ItemRejectedException("the database refused the item (SQLSTATE " + refused + ")", e);
                    }
                    throw e;
                }
            }
        }
    }
}
