package com.krleads.scraper.core.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What storing a batch of drafts comes to, planned in memory as {@link Deduplication#store} would
 * store them one after the other. The caller reads the stored owners of the batch's keys
 * ({@link #owner}, locked) and the newest leads of the places its names fall in
 * ({@link #neighbour}); then each draft is matched against what is stored and what the batch has
 * planned so far (so a duplicate within the page merges, and a near duplicate within the page
 * becomes a candidate), with the rules of {@link SightingMatch}, {@link LeadMerge} and
 * {@link NearDuplicates}. The caller writes the {@link #stored} leads that changed, the
 * {@link #toInsert} leads and the {@link Planned} candidates.
 */
public final class BatchPlan {
    /** A name block and a region (or a phone area): one near-duplicate neighbourhood. */
    public record Place(String block, String signal) {
    }

    /** A pair of leads for review: a near duplicate (reason known) or two leads one sighting links. */
    public record Candidate(BatchLead first, BatchLead second, double similarity, String reason, String linkedKey) {
        static Candidate near(BatchLead older, BatchLead created, double similarity, String reason) {
            return new Candidate(older, created, similarity, reason, null);
        }

        static Candidate link(BatchLead target, BatchLead owner, double similarity, String key) {
            return new Candidate(target, owner, similarity, null, key);
        }

        /** The pair to record, once the leads have their ids. */
        public CandidatePair pair() {
            return linkedKey == null ? CandidatePair.near(first.id(), second.id(), similarity, reason)
                    : CandidatePair.link(first.id(), second.id(), similarity, linkedKey);
        }
    }

    /** What one draft came to: the lead it created or merged into, and the candidates it raised. */
    public record Planned(BatchLead lead, boolean created, List<Candidate> candidates) {
    }

    /** The keys a lead is owned by. */
    private enum Key { PHONE, EMAIL, WEBSITE, FALLBACK }

    private final List<LeadDraft> drafts;
    private final List<LeadKeys> keys;
    private final long sourceId;
    private final Instant now;
    private final double threshold;
    private final Map<Key, Map<String, BatchLead>> owners = new EnumMap<>(Key.class);
    private final Map<Long, BatchLead> storedById = new HashMap<>();
    private final Map<Place, List<BatchLead>> byRegion = new HashMap<>();
    private final Map<Place, List<BatchLead>> byArea = new HashMap<>();
    private final List<BatchLead> toInsert = new ArrayList<>();
    private final List<Planned> planned = new ArrayList<>();

    public BatchPlan(List<LeadDraft> drafts, long sourceId, Instant now, double threshold) {
        this.drafts = drafts;
        this.keys = drafts.stream().map(LeadKeys::of).toList();
        this.sourceId = sourceId;
        this.now = now;
        this.threshold = threshold;
        for (Key key : Key.values()) {
            owners.put(key, new HashMap<>());
        }
        for (LeadKeys k : keys) {
            if (k.blockKey() != null && k.regionKey() != null) {
                byRegion.putIfAbsent(new Place(k.blockKey(), k.regionKey()), new ArrayList<>());
            }
            if (k.blockKey() != null && k.areaCode() != null) {
                byArea.putIfAbsent(new Place(k.blockKey(), k.areaCode()), new ArrayList<>());
            }
        }
    }

    /** The drafts' keys, in draft order: the caller reads the leads that own them. */
    public List<LeadKeys> keys() {
        return keys;
    }

    /** The places whose newest leads (by region, else by phone area) the caller reads. */
    public Set<Place> places(boolean byRegion) {
        return (byRegion ? this.byRegion : byArea).keySet();
    }

    /**
     * A stored lead that owns one of the batch's keys, as locked for the batch, with the fallback
     * key it was stored with; given before any {@link #neighbour}.
     */
    public void owner(Lead locked, String fallbackKey) {
        BatchLead stored = storedById.computeIfAbsent(locked.id(), id -> BatchLead.stored(locked));
        stored.relocked(locked);
        file(stored, fallbackKey);
    }

    /** One of the newest leads of a place, given newest first. */
    public void neighbour(boolean byRegion, Place place, Lead lead) {
        (byRegion ? this.byRegion : byArea).get(place)
                .add(storedById.computeIfAbsent(lead.id(), id -> BatchLead.stored(lead)));
    }

    /** Plans the drafts in order; then {@link #stored}, {@link #toInsert} and the result tell what to write. */
    public List<Planned> plan() {
        for (int i = 0; i < drafts.size(); i++) {
            plan(drafts.get(i), keys.get(i));
        }
        return planned;
    }

    /** The stored leads the batch read; those {@link BatchLead#changed()} are written back. */
    public Collection<BatchLead> stored() {
        return storedById.values();
    }

    /** The new leads, in the order they are to be inserted. */
    public List<BatchLead> toInsert() {
        return toInsert;
    }

    private void plan(LeadDraft draft, LeadKeys keys) {
        BatchLead byPhone = owner(Key.PHONE, draft.phone());
        BatchLead byEmail = owner(Key.EMAIL, draft.email());
        BatchLead byWebsite = owner(Key.WEBSITE, draft.website());
        BatchLead byFallback = owner(Key.FALLBACK, keys.fallbackKey());
        Optional<SightingMatch<BatchLead>> matched = SightingMatch.of(byPhone, byEmail, byWebsite, byFallback,
                lead -> lead);
        if (matched.isPresent()) {
            merge(draft, matched.get());
            return;
        }
        Optional<NearDuplicates.Match<BatchLead>> near = NearDuplicates.best(
                NameSimilarity.normalize(draft.companyName()), keys, neighbours(byRegion, keys.blockKey(),
                        keys.regionKey()), neighbours(byArea, keys.blockKey(), keys.areaCode()),
                BatchLead::nameKey, lead -> lead, threshold);
        BatchLead created = BatchLead.toInsert(LeadMerge.sighting(draft, sourceId, now), toInsert.size(),
                keys.fallbackKey());
        toInsert.add(created);
        file(created, keys.fallbackKey());
        place(created, Deduplication.keysOf(created.lead()));
        List<Candidate> candidates = near
                .map(match -> List.of(Candidate.near(match.lead(), created, match.similarity(), match.reason())))
                .orElse(List.of());
        planned.add(new Planned(created, true, candidates));
    }

    private void merge(LeadDraft draft, SightingMatch<BatchLead> match) {
        BatchLead target = match.target();
        List<Candidate> candidates = new ArrayList<>(2);
        for (SightingMatch.Link<BatchLead> link : match.links()) {
            candidates.add(Candidate.link(target, link.owner(),
                    Deduplication.linkSimilarity(target.lead(), link.owner().lead()), link.key()));
        }
        LeadKeys before = Deduplication.keysOf(target.lead());
        target.fold(LeadMerge.fold(target.lead(), LeadMerge.sighting(draft, sourceId, now), match.ownedElsewhere(),
                now));
        file(target, null);
        LeadKeys after = Deduplication.keysOf(target.lead());
        if (!samePlaces(before, after)) {
            unplace(target, before);
            place(target, after);
        }
        planned.add(new Planned(target, false, candidates));
    }

    private BatchLead owner(Key key, String value) {
        return value == null ? null : owners.get(key).get(value);
    }

    private void file(BatchLead lead, String fallbackKey) {
        putIfPresent(Key.PHONE, lead.lead().phone(), lead);
        putIfPresent(Key.EMAIL, lead.lead().email(), lead);
        putIfPresent(Key.WEBSITE, lead.lead().website(), lead);
        putIfPresent(Key.FALLBACK, fallbackKey, lead);
    }

    private void putIfPresent(Key key, String value, BatchLead lead) {
        if (value != null) {
            owners.get(key).putIfAbsent(value, lead);
        }
    }

    private static List<BatchLead> neighbours(Map<Place, List<BatchLead>> places, String block, String signal) {
        return block == null || signal == null ? List.of() : places.getOrDefault(new Place(block, signal), List.of());
    }

    private void place(BatchLead lead, LeadKeys keys) {
        placeIn(byRegion, keys.blockKey(), keys.regionKey(), lead);
        placeIn(byArea, keys.blockKey(), keys.areaCode(), lead);
    }

    private void unplace(BatchLead lead, LeadKeys keys) {
        removeFrom(byRegion, keys.blockKey(), keys.regionKey(), lead);
        removeFrom(byArea, keys.blockKey(), keys.areaCode(), lead);
    }

    private static void removeFrom(Map<Place, List<BatchLead>> places, String block, String signal, BatchLead lead) {
        List<BatchLead> list = block == null || signal == null ? null : places.get(new Place(block, signal));
        if (list != null) {
            list.remove(lead);
        }
    }

    /** Newest first, as the near-duplicate read orders them; only the newest {@link NearDuplicates#LIMIT} matter. */
    private static void placeIn(Map<Place, List<BatchLead>> places, String block, String signal, BatchLead lead) {
        if (block == null || signal == null) {
            return;
        }
        List<BatchLead> list = places.get(new Place(block, signal));
        if (list == null) {
            return;
        }
        int at = 0;
        while (at < list.size() && list.get(at).age() > lead.age()) {
            at++;
        }
        list.add(at, lead);
        if (list.size() > NearDuplicates.LIMIT) {
            list.remove(list.size() - 1);
        }
    }

    private static boolean samePlaces(LeadKeys a, LeadKeys b) {
        return Objects.equals(a.blockKey(), b.blockKey()) && Objects.equals(a.regionKey(), b.regionKey())
                && Objects.equals(a.areaCode(), b.areaCode());
    }
}
