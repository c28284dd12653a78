package com.krleads.scraper.core.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Storing one draft with deduplication. An exact key wins ({@link SightingMatch}: phone, else
 * e-mail, else website host, else for a lead without contacts its name and address): the sighting
 * is folded into the lead that has it ({@link LeadMerge}), and another owner of its e-mail or
 * website becomes a candidate. Otherwise the draft is a new lead, and its nearest similar name
 * with a shared region or phone area ({@link NearDuplicates}) becomes a candidate.
 */
public final class Deduplication {
    private final double nameSimilarityThreshold;

    public Deduplication(double nameSimilarityThreshold) {
        this.nameSimilarityThreshold = nameSimilarityThreshold;
    }

    /** Stores {@code draft} through {@code rows}, which are all read and written in one transaction. */
    public StoreResult store(Rows rows, long sourceId, LeadDraft draft, Instant now) {
        LeadKeys keys = LeadKeys.of(draft);
        Optional<SightingMatch<Lead>> owned = SightingMatch.of(find(draft.phone(), rows::findByPhone),
                find(draft.email(), rows::findByEmail), find(draft.website(), rows::findByWebsite),
                find(keys.fallbackKey(), rows::findByFallbackKey), Lead::id);
        if (owned.isPresent()) {
            return merge(rows, owned.get(), sourceId, draft, now);
        }
        Optional<NearDuplicates.Match<Lead>> near = NearDuplicates.best(NameSimilarity.normalize(draft.companyName()),
                keys, nearBy(keys.blockKey(), keys.regionKey(), rows::nearByRegion),
                nearBy(keys.blockKey(), keys.areaCode(), rows::nearByArea),
                lead -> NameSimilarity.normalize(lead.companyName()), Lead::id, nameSimilarityThreshold);
        long id = rows.insert(sourceId, draft, keys, now);
        near.ifPresent(match -> rows.recordCandidate(
                CandidatePair.near(match.lead().id(), id, match.similarity(), match.reason()), now));
        return new StoreResult(id, true, near.isPresent());
    }

    private static StoreResult merge(Rows rows, SightingMatch<Lead> owned, long sourceId, LeadDraft draft,
                                     Instant now) {
        Lead target = rows.lockMatched(owned.target().id());
        Lead merged = LeadMerge.fold(target, LeadMerge.sighting(draft, sourceId, now), owned.ownedElsewhere(), now);
        rows.updateMerged(merged, keysOf(merged));
        boolean candidate = false;
        for (SightingMatch.Link<Lead> link : owned.links()) {
            candidate |= rows.recordCandidate(CandidatePair.link(target.id(), link.owner().id(),
                    linkSimilarity(target, link.owner()), link.key()), now);
        }
        return new StoreResult(target.id(), false, candidate);
    }

    /** How alike the names of two leads one sighting links are, as recorded on their candidate. */
    public static double linkSimilarity(Lead target, Lead owner) {
        return NameSimilarity.similarity(target.companyName(), owner.companyName());
    }

    /** The keys a stored lead is filed under, derived from its fields as they are now. */
    public static LeadKeys keysOf(Lead lead) {
        return LeadKeys.of(lead.companyName(), lead.phone(), lead.email(), lead.website(), lead.address());
    }

    private static Lead find(String key, Function<String, Optional<Lead>> read) {
        return key == null ? null : read.apply(key).orElse(null);
    }

    private static List<Lead> nearBy(String block, String signal, BiFunction<String, String, List<Lead>> read) {
        return block == null || signal == null ? List.of() : read.apply(block, signal);
    }

    /** The rows storing one draft reads and writes, all in the caller's transaction. */
    public interface Rows {
        Optional<Lead> findByPhone(String phone);

        Optional<Lead> findByEmail(String email);

        Optional<Lead> findByWebsite(String website);

        Optional<Lead> findByFallbackKey(String fallbackKey);

        /** Newest first, the leads of a name block and region; {@link NearDuplicates#LIMIT} are enough. */
        List<Lead> nearByRegion(String blockKey, String regionKey);

        /** Newest first, the leads of a name block and phone area. */
        List<Lead> nearByArea(String blockKey, String areaCode);

        /**
         * The matched lead as last committed, locked until the transaction ends. When it is gone
         * (a review merged it away) this fails with an exception on which the caller matches the
         * sighting again in a new transaction; so does {@link #updateMerged} when its row is gone.
         */
        Lead lockMatched(long leadId);

        void updateMerged(Lead merged, LeadKeys keys);

        /** @return the new lead's id */
        long insert(long sourceId, LeadDraft draft, LeadKeys keys, Instant now);

        /** @return false when the pair was already recorded */
        boolean recordCandidate(CandidatePair pair, Instant now);
    }
}
