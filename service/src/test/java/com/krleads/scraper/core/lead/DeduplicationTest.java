package com.krleads.scraper.core.lead;

import static com.krleads.scraper.testing.Fixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The rules of storing one draft, on rows kept in memory; the same rules on H2 and PostgreSQL are in JdbiLeadStoreIT. */
class DeduplicationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final long SOURCE = 1;
    private final MemoryRows rows = new MemoryRows();
    private final Deduplication deduplication = new Deduplication(0.85);

    @Test
    void aNewDraftIsInsertedWithItsKeys() {
        StoreResult result = store(draft("한빛식당", "+8223456789", null, null, "서울 강남구 1"));

        assertThat(result).isEqualTo(new StoreResult(1, true, false));
        assertThat(rows.leads.get(1L).phone()).isEqualTo("+8223456789");
        assertThat(rows.candidates).isEmpty();
    }

    @Test
    void thePhoneWinsOverTheEmailAndTheEmailsOwnerBecomesACandidate() {
        long byPhone = store(draft("한빛식당", "+8223456789", null, null, null)).leadId();
        long byEmail = store(draft("바다횟집", null, "sea@fish.kr", null, null)).leadId();

        StoreResult result = store(draft(null, "+8223456789", "sea@fish.kr", "hanbit.kr", null));

        assertThat(result).isEqualTo(new StoreResult(byPhone, false, true));
        Lead merged = rows.leads.get(byPhone);
        assertThat(merged.website()).isEqualTo("hanbit.kr");
        assertThat(merged.email()).as("an e-mail another lead owns is not copied").isNull();
        assertThat(rows.candidates).containsExactly(new CandidatePair(byPhone, byEmail,
                NameSimilarity.similarity("한빛식당", "바다횟집"), SightingMatch.linkReason(byPhone, byEmail, "e-mail")));
    }

    @Test
    void aLinkNamesTheLowerIdFirstAndIsRecordedOnce() {
        long byWebsite = store(draft("바다횟집", null, null, "sea.kr", null)).leadId();
        long byPhone = store(draft("한빛식당", "+8223456789", null, null, null)).leadId();

        StoreResult first = store(draft(null, "+8223456789", null, "sea.kr", null));
        StoreResult again = store(draft(null, "+8223456789", null, "sea.kr", null));

        assertThat(first.candidateCreated()).isTrue();
        assertThat(again.candidateCreated()).as("the pair was recorded already").isFalse();
        assertThat(rows.candidates).singleElement().satisfies(pair -> {
            assertThat(pair.leadId()).isEqualTo(byWebsite);
            assertThat(pair.otherLeadId()).isEqualTo(byPhone);
            assertThat(pair.reason()).isEqualTo(SightingMatch.linkReason(byPhone, byWebsite, "website"));
        });
    }

    @Test
    void withoutContactsTheNameAndAddressFindTheLead() {
        long first = store(draft("한빛식당", null, null, null, "서울 강남구 1")).leadId();

        StoreResult again = store(new LeadDraft("한빛식당", null, null, null, "서울 강남구 1", "한식", "heuristic",
                null, null));

        assertThat(again).isEqualTo(new StoreResult(first, false, false));
        assertThat(rows.leads).hasSize(1);
    }

    @Test
    void aSimilarNameInTheSameRegionIsANearDuplicateOfTheNewLead() {
        long older = store(draft("한빛식당", "+8223456789", null, null, "서울 강남구 1")).leadId();

        StoreResult created = store(draft("한빛식당 본점", "+8229998888", null, null, "서울 강남구 2"));

        assertThat(created.created()).isTrue();
        assertThat(created.candidateCreated()).isTrue();
        assertThat(rows.candidates).singleElement().satisfies(pair -> {
            assertThat(pair.leadId()).isEqualTo(older);
            assertThat(pair.otherLeadId()).isEqualTo(created.leadId());
            assertThat(pair.similarity()).isGreaterThanOrEqualTo(0.85);
            assertThat(pair.reason()).startsWith("name similarity ").contains("same region");
        });
    }

    @Test
    void aDifferentNameInTheSameRegionIsNoCandidate() {
        store(draft("한빛식당", "+8223456789", null, null, "서울 강남구 1"));

        StoreResult created = store(draft("바다횟집", "+8229998888", null, null, "서울 강남구 2"));

        assertThat(created.candidateCreated()).isFalse();
        assertThat(rows.candidates).isEmpty();
    }

    @Test
    void theThresholdDecides() {
        Deduplication strict = new Deduplication(1.0);
        strict.store(rows, SOURCE, draft("한빛식당", "+8223456789", null, null, "서울 강남구 1"), NOW);

        StoreResult created = strict.store(rows, SOURCE, draft("한빛식당 본점", "+8229998888", null, null,
                "서울 강남구 2"), NOW);

        assertThat(created.candidateCreated()).isFalse();
    }

    private StoreResult store(LeadDraft draft) {
        return deduplication.store(rows, SOURCE, draft, NOW);
    }

    /** The leads table and the candidates as plain collections, ids in insertion order. */
    private static final class MemoryRows implements Deduplication.Rows {
        final Map<Long, Lead> leads = new TreeMap<>();
        final Map<Long, String> fallbackKeys = new TreeMap<>();
        final List<CandidatePair> candidates = new ArrayList<>();

        @Override
        public Optional<Lead> findByPhone(String phone) {
            return find(phone, Lead::phone);
        }

        @Override
        public Optional<Lead> findByEmail(String email) {
            return find(email, Lead::email);
        }

        @Override
        public Optional<Lead> findByWebsite(String website) {
            return find(website, Lead::website);
        }

        @Override
        public Optional<Lead> findByFallbackKey(String fallbackKey) {
            return find(fallbackKey, lead -> fallbackKeys.get(lead.id()));
        }

        @Override
        public List<Lead> nearByRegion(String blockKey, String regionKey) {
            return near(keys -> Objects.equals(keys.blockKey(), blockKey) && Objects.equals(keys.regionKey(), regionKey));
        }

        @Override
        public List<Lead> nearByArea(String blockKey, String areaCode) {
            return near(keys -> Objects.equals(keys.blockKey(), blockKey) && Objects.equals(keys.areaCode(), areaCode));
        }

        @Override
        public Lead lockMatched(long leadId) {
            return leads.get(leadId);
        }

        @Override
        public void updateMerged(Lead merged, LeadKeys keys) {
            leads.put(merged.id(), merged);
        }

        @Override
        public long insert(long sourceId, LeadDraft draft, LeadKeys keys, Instant now) {
            long id = leads.size() + 1;
            Lead sighting = LeadMerge.sighting(draft, sourceId, now);
            leads.put(id, new Lead(id, sighting.companyName(), sighting.phone(), sighting.email(), sighting.website(),
                    sighting.address(), sighting.category(), sourceId, sighting.extractionMethod(),
                    sighting.phoneStatus(), sighting.emailStatus(), now, now));
            fallbackKeys.put(id, keys.fallbackKey());
            return id;
        }

        @Override
        public boolean recordCandidate(CandidatePair pair, Instant now) {
            if (candidates.stream().anyMatch(c -> c.leadId() == pair.leadId() && c.otherLeadId() == pair.otherLeadId())) {
                return false;
            }
            return candidates.add(pair);
        }

        private Optional<Lead> find(String key, Function<Lead, String> column) {
            return leads.values().stream().filter(lead -> key.equals(column.apply(lead))).findFirst();
        }

        private List<Lead> near(java.util.function.Predicate<LeadKeys> same) {
            return leads.values().stream().filter(lead -> same.test(Deduplication.keysOf(lead)))
                    .sorted(Comparator.comparingLong(Lead::id).reversed()).toList();
        }
    }
}
