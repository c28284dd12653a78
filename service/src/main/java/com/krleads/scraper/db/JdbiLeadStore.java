package com.krleads.scraper.db;

import com.krleads.scraper.core.ItemRejectedException;
import com.krleads.scraper.core.Lead;
import com.krleads.scraper.core.LeadDraft;
import com.krleads.scraper.core.LeadKeys;
import com.krleads.scraper.core.LeadMerge;
import com.krleads.scraper.core.LeadStore;
import com.krleads.scraper.core.NameSimilarity;
import com.krleads.scraper.core.NearDuplicates;
import com.krleads.scraper.core.SightingMatch;
import com.krleads.scraper.core.StoreOutcome;
import com.krleads.scraper.core.StoreResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores leads with deduplication: one transaction per draft ({@link #store}), or per batch of a
 * page's drafts ({@link #storeAll}, through {@link LeadBatch}) with the same results. An exact key (phone, e-mail,
 * website host, or for a lead without contacts its name and address) merges into the lead
 * that has it; otherwise the lead is inserted, and a similar name with a shared region or
 * phone area records a duplicate candidate. Two writers racing on one key meet the unique
 * index: the loser retries and then finds the winner's row, so no key is stored twice. A merge
 * locks the matched lead's row and folds the sighting into the row as last committed, so
 * concurrent sightings (and a review's merge) never overwrite each other's fields; a lead merged
 * away meanwhile sends the sighting back to matching, in a new transaction. A row
 * the database refuses for its data (SQLSTATE class 22 or 23) is an {@link ItemRejectedException}:
 * that one item is lost, not the job; any other failure (connection, pool) propagates.
 */
public class JdbiLeadStore implements LeadStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiLeadStore.class);
    private static final int MAX_TRIES = 6;
    /** Drafts per transaction: a page of a typical listing is one, a page of thousands a few. */
    public static final int BATCH_SIZE = 500;

    private final Jdbi jdbi;
    private final Clock clock;
    private final double nameSimilarityThreshold;

    public JdbiLeadStore(Jdbi jdbi, Clock clock, double nameSimilarityThreshold) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.nameSimilarityThreshold = nameSimilarityThreshold;
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
                return jdbi.inTransaction(h -> storeOnce(h, sourceId, draft));
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

    private StoreResult storeOnce(Handle h, long sourceId, LeadDraft draft) {
        LeadDao leads = h.attach(LeadDao.class);
        LeadKeys keys = LeadKeys.of(draft);
        Instant now = clock.instant();
        Optional<Lead> byPhone = draft.phone() == null ? Optional.empty() : leads.findByPhone(draft.phone());
        Optional<Lead> byEmail = draft.email() == null ? Optional.empty() : leads.findByEmail(draft.email());
        Optional<Lead> byWebsite = draft.website() == null ? Optional.empty() : leads.findByWebsite(draft.website());
        Optional<Lead> byFallback = keys.fallbackKey() == null ? Optional.empty()
                : leads.findByFallbackKey(keys.fallbackKey());
        Optional<SightingMatch<Lead>> owned = SightingMatch.of(byPhone.orElse(null), byEmail.orElse(null),
                byWebsite.orElse(null), byFallback.orElse(null), Lead::id);
        if (owned.isPresent()) {
            long matched = owned.get().target().id();
            Lead target = leads.lockById(matched).orElseThrow(() -> new LeadMovedException(matched));
            Lead merged = LeadMerge.fold(target, LeadMerge.sighting(draft, sourceId, now), owned.get().ownedElsewhere(),
                    now);
            if (leads.update(merged, keysOf(merged)) != 1) {
                throw new LeadMovedException(matched);
            }
            boolean candidate = false;
            for (SightingMatch.Link<Lead> link : owned.get().links()) {
                candidate |= linkOtherOwner(h, target, link.owner(), link.key(), now);
            }
            return new StoreResult(target.id(), false, candidate);
        }
        Optional<NearDuplicates.Match<Lead>> near = NearDuplicates.best(NameSimilarity.normalize(draft.companyName()),
                keys, nearBy(keys.blockKey(), keys.regionKey(), leads::nearByRegion),
                nearBy(keys.blockKey(), keys.areaCode(), leads::nearByArea),
                lead -> NameSimilarity.normalize(lead.companyName()), Lead::id, nameSimilarityThreshold);
        long id = leads.insert(sourceId, draft, keys, now);
        near.ifPresent(match -> h.attach(DuplicateDao.class)
                .insert(match.lead().id(), id, match.similarity(), match.reason(), now));
        return new StoreResult(id, true, near.isPresent());
    }

    /** A sighting with the keys of two leads links them for review ({@link SightingMatch}). */
    private static boolean linkOtherOwner(Handle h, Lead target, Lead other, String key, Instant now) {
        double similarity = NameSimilarity.similarity(target.companyName(), other.companyName());
        String reason = SightingMatch.linkReason(target.id(), other.id(), key);
        long first = Math.min(target.id(), other.id());
        long second = Math.max(target.id(), other.id());
        return h.attach(DuplicateDao.class).insert(first, second, similarity, reason, now) == 1;
    }

    private static List<Lead> nearBy(String block, String signal, BiFunction<String, String, List<Lead>> read) {
        return block == null || signal == null ? List.of() : read.apply(block, signal);
    }

    static LeadKeys keysOf(Lead lead) {
        return LeadKeys.of(lead.companyName(), lead.phone(), lead.email(), lead.website(), lead.address());
    }

}
