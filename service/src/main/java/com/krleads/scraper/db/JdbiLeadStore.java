package com.krleads.scraper.db;

import com.krleads.scraper.core.ItemRejectedException;
import com.krleads.scraper.core.Lead;
import com.krleads.scraper.core.LeadDraft;
import com.krleads.scraper.core.LeadKeys;
import com.krleads.scraper.core.LeadMerge;
import com.krleads.scraper.core.LeadStore;
import com.krleads.scraper.core.NameSimilarity;
import com.krleads.scraper.core.StoreResult;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Stores leads with deduplication, one transaction per draft. An exact key (phone, e-mail,
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
    private static final int MAX_TRIES = 6;

    private final Jdbi jdbi;
    private final Clock clock;
    private final double nameSimilarityThreshold;

    public JdbiLeadStore(Jdbi jdbi, Clock clock, double nameSimilarityThreshold) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.nameSimilarityThreshold = nameSimilarityThreshold;
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
        Optional<Lead> existing = byPhone.or(() -> byEmail).or(() -> byWebsite).or(() -> byFallback);
        if (existing.isPresent()) {
            long matched = existing.get().id();
            Lead target = leads.lockById(matched).orElseThrow(() -> new LeadMovedException(matched));
            Set<LeadMerge.Key> ownedElsewhere = EnumSet.noneOf(LeadMerge.Key.class);
            addIfOwnedElsewhere(ownedElsewhere, LeadMerge.Key.PHONE, byPhone, target);
            addIfOwnedElsewhere(ownedElsewhere, LeadMerge.Key.EMAIL, byEmail, target);
            addIfOwnedElsewhere(ownedElsewhere, LeadMerge.Key.WEBSITE, byWebsite, target);
            Lead merged = LeadMerge.fold(target, LeadMerge.sighting(draft, sourceId, now), ownedElsewhere, now);
            if (leads.update(merged, keysOf(merged)) != 1) {
                throw new LeadMovedException(matched);
            }
            boolean candidate = linkOtherOwner(h, target, byEmail, "e-mail", now)
                    | linkOtherOwner(h, target, byWebsite, "website", now);
            return new StoreResult(target.id(), false, candidate);
        }
        Optional<NearMatch> near = bestNearMatch(leads, draft, keys);
        long id = leads.insert(sourceId, draft, keys, now);
        near.ifPresent(match -> h.attach(DuplicateDao.class)
                .insert(match.lead().id(), id, match.similarity(), match.reason(), now));
        return new StoreResult(id, true, near.isPresent());
    }

    /**
     * One sighting that carries the keys of two stored leads says they are probably one
     * business; a person decides, so it becomes a candidate rather than an automatic merge.
     */
    private static boolean linkOtherOwner(Handle h, Lead target, Optional<Lead> owner, String key, Instant now) {
        if (owner.isEmpty() || owner.get().id() == target.id()) {
            return false;
        }
        Lead other = owner.get();
        double similarity = NameSimilarity.similarity(target.companyName(), other.companyName());
        String reason = "one listing shows the phone or key of lead " + target.id() + " and the " + key
                + " of lead " + other.id();
        long first = Math.min(target.id(), other.id());
        long second = Math.max(target.id(), other.id());
        return h.attach(DuplicateDao.class).insert(first, second, similarity, reason, now) == 1;
    }

    private Optional<NearMatch> bestNearMatch(LeadDao leads, LeadDraft draft, LeadKeys keys) {
        if (keys.blockKey() == null) {
            return Optional.empty();
        }
        Map<Long, NearMatch> found = new LinkedHashMap<>();
        if (keys.regionKey() != null) {
            for (Lead lead : leads.nearByRegion(keys.blockKey(), keys.regionKey())) {
                found.putIfAbsent(lead.id(), score(draft, lead, "same region " + keys.regionKey()));
            }
        }
        if (keys.areaCode() != null) {
            for (Lead lead : leads.nearByArea(keys.blockKey(), keys.areaCode())) {
                found.putIfAbsent(lead.id(), score(draft, lead, "same phone area " + keys.areaCode()));
            }
        }
        return found.values().stream()
                .filter(match -> match.similarity() >= nameSimilarityThreshold)
                .max((a, b) -> Double.compare(a.similarity(), b.similarity()));
    }

    private static NearMatch score(LeadDraft draft, Lead lead, String signal) {
        double similarity = NameSimilarity.similarity(draft.companyName(), lead.companyName());
        String reason = String.format(java.util.Locale.ROOT, "name similarity %.2f, %s", similarity, signal);
        return new NearMatch(lead, similarity, reason);
    }

    static LeadKeys keysOf(Lead lead) {
        return LeadKeys.of(lead.companyName(), lead.phone(), lead.email(), lead.website(), lead.address());
    }

    private static void addIfOwnedElsewhere(Set<LeadMerge.Key> keys, LeadMerge.Key key, Optional<Lead> owner, Lead target) {
        if (owner.isPresent() && owner.get().id() != target.id()) {
            keys.add(key);
        }
    }

    private record NearMatch(Lead lead, double similarity, String reason) {
    }
}
