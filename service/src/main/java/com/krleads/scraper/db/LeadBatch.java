package com.krleads.scraper.db;

import com.krleads.scraper.core.Lead;
import com.krleads.scraper.core.LeadDraft;
import com.krleads.scraper.core.LeadKeys;
import com.krleads.scraper.core.LeadMerge;
import com.krleads.scraper.core.NameSimilarity;
import com.krleads.scraper.core.NearDuplicates;
import com.krleads.scraper.core.SightingMatch;
import com.krleads.scraper.core.StoreResult;
import com.krleads.scraper.core.lead.Deduplication;
import com.krleads.scraper.db.LeadBatchReads.KeyColumn;
import com.krleads.scraper.db.LeadBatchReads.Pair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Stores drafts in one transaction as {@link JdbiLeadStore#store} would one after the other: the
 * stored owners of the batch's keys and the neighbourhoods of its names are read in a few
 * set-based statements, the owners' rows locked in id order; then each draft is matched in memory
 * against what is stored and what the batch has planned so far (so a duplicate within the page
 * merges, and a near duplicate within the page becomes a candidate), with the rules of
 * {@link SightingMatch}, {@link LeadMerge} and {@link NearDuplicates}; then updates, inserts and candidates are written
 * as three JDBC batches. A key another writer took meanwhile meets the unique index and fails the
 * whole batch, which the caller then stores one draft at a time.
 */
final class LeadBatch {
    private final Handle handle;
    private final LeadBatchReads reads;
    private final long sourceId;
    private final Instant now;
    private final double threshold;
    private final Map<KeyColumn, Map<String, BatchLead>> owners = new EnumMap<>(KeyColumn.class);
    private final Map<Long, BatchLead> storedById = new HashMap<>();
    private final Map<Pair, List<BatchLead>> byRegion = new HashMap<>();
    private final Map<Pair, List<BatchLead>> byArea = new HashMap<>();
    private final List<BatchLead> toInsert = new ArrayList<>();
    private final List<LeadBatchWrites.Planned> planned = new ArrayList<>();

    LeadBatch(Handle handle, long sourceId, Instant now, double threshold) {
        this.handle = handle;
        this.reads = new LeadBatchReads(handle);
        this.sourceId = sourceId;
        this.now = now;
        this.threshold = threshold;
        for (KeyColumn key : KeyColumn.values()) {
            owners.put(key, new HashMap<>());
        }
    }

    List<StoreResult> store(List<LeadDraft> drafts) {
        List<LeadKeys> keys = drafts.stream().map(LeadKeys::of).toList();
        readOwners(drafts, keys);
        readNeighbourhoods(keys);
        for (int i = 0; i < drafts.size(); i++) {
            plan(drafts.get(i), keys.get(i));
        }
        return new LeadBatchWrites(handle, now).write(storedById.values(), toInsert, planned);
    }

    private void readOwners(List<LeadDraft> drafts, List<LeadKeys> keys) {
        Map<KeyColumn, Set<String>> wanted = new EnumMap<>(KeyColumn.class);
        for (KeyColumn key : KeyColumn.values()) {
            wanted.put(key, new HashSet<>());
        }
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
                    storedById.computeIfAbsent(row.lead().id(), id -> BatchLead.stored(row.lead()));
                    fallbackOf.put(row.lead().id(), row.fallbackKey());
                }
            }
        });
        if (storedById.isEmpty()) {
            return;
        }
        List<Lead> locked = reads.lock(storedById.keySet());
        if (locked.size() != storedById.size()) {
            Set<Long> gone = new HashSet<>(storedById.keySet());
            locked.forEach(lead -> gone.remove(lead.id()));
            throw new LeadMovedException(gone.iterator().next());
        }
        for (Lead lead : locked) {
            BatchLead stored = storedById.get(lead.id());
            stored.relocked(lead);
            file(stored, fallbackOf.get(lead.id()));
        }
    }

    private void readNeighbourhoods(List<LeadKeys> keys) {
        for (LeadKeys k : keys) {
            if (k.blockKey() != null && k.regionKey() != null) {
                byRegion.putIfAbsent(new Pair(k.blockKey(), k.regionKey()), new ArrayList<>());
            }
            if (k.blockKey() != null && k.areaCode() != null) {
                byArea.putIfAbsent(new Pair(k.blockKey(), k.areaCode()), new ArrayList<>());
            }
        }
        for (LeadBatchReads.Row row : reads.newestOf(byRegion.keySet(), true)) {
            byRegion.get(new Pair(row.blockKey(), row.regionKey())).add(known(row.lead()));
        }
        for (LeadBatchReads.Row row : reads.newestOf(byArea.keySet(), false)) {
            byArea.get(new Pair(row.blockKey(), row.areaCode())).add(known(row.lead()));
        }
    }

    private BatchLead known(Lead lead) {
        return storedById.computeIfAbsent(lead.id(), id -> BatchLead.stored(lead));
    }

    private void plan(LeadDraft draft, LeadKeys keys) {
        BatchLead byPhone = owner(KeyColumn.PHONE, draft.phone());
        BatchLead byEmail = owner(KeyColumn.EMAIL, draft.email());
        BatchLead byWebsite = owner(KeyColumn.WEBSITE, draft.website());
        BatchLead byFallback = owner(KeyColumn.FALLBACK, keys.fallbackKey());
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
        List<LeadBatchWrites.Candidate> candidates = near
                .map(match -> List.of(LeadBatchWrites.Candidate.near(match.lead(), created, match.similarity(),
                        match.reason())))
                .orElse(List.of());
        planned.add(new LeadBatchWrites.Planned(created, true, candidates));
    }

    private void merge(LeadDraft draft, SightingMatch<BatchLead> match) {
        BatchLead target = match.target();
        List<LeadBatchWrites.Candidate> candidates = new ArrayList<>(2);
        for (SightingMatch.Link<BatchLead> link : match.links()) {
            candidates.add(LeadBatchWrites.Candidate.link(target, link.owner(),
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
        planned.add(new LeadBatchWrites.Planned(target, false, candidates));
    }

    private BatchLead owner(KeyColumn key, String value) {
        return value == null ? null : owners.get(key).get(value);
    }

    private void file(BatchLead lead, String fallbackKey) {
        putIfPresent(KeyColumn.PHONE, lead.lead().phone(), lead);
        putIfPresent(KeyColumn.EMAIL, lead.lead().email(), lead);
        putIfPresent(KeyColumn.WEBSITE, lead.lead().website(), lead);
        putIfPresent(KeyColumn.FALLBACK, fallbackKey, lead);
    }

    private void putIfPresent(KeyColumn key, String value, BatchLead lead) {
        if (value != null) {
            owners.get(key).putIfAbsent(value, lead);
        }
    }

    private static List<BatchLead> neighbours(Map<Pair, List<BatchLead>> places, String block, String signal) {
        return block == null || signal == null ? List.of() : places.getOrDefault(new Pair(block, signal), List.of());
    }

    private void place(BatchLead lead, LeadKeys keys) {
        placeIn(byRegion, keys.blockKey(), keys.regionKey(), lead);
        placeIn(byArea, keys.blockKey(), keys.areaCode(), lead);
    }

    private void unplace(BatchLead lead, LeadKeys keys) {
        removeFrom(byRegion, keys.blockKey(), keys.regionKey(), lead);
        removeFrom(byArea, keys.blockKey(), keys.areaCode(), lead);
    }

    private static void removeFrom(Map<Pair, List<BatchLead>> places, String block, String signal, BatchLead lead) {
        List<BatchLead> list = block == null || signal == null ? null : places.get(new Pair(block, signal));
        if (list != null) {
            list.remove(lead);
        }
    }

    /** Newest first, as the near-duplicate read orders them; only the newest {@link NearDuplicates#LIMIT} matter. */
    private static void placeIn(Map<Pair, List<BatchLead>> places, String block, String signal, BatchLead lead) {
        if (block == null || signal == null) {
            return;
        }
        List<BatchLead> list = places.get(new Pair(block, signal));
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
        return java.util.Objects.equals(a.blockKey(), b.blockKey())
                && java.util.Objects.equals(a.regionKey(), b.regionKey())
                && java.util.Objects.equals(a.areaCode(), b.areaCode());
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }
}
