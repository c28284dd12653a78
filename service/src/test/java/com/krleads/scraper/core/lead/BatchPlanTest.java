package com.krleads.scraper.core.lead;

import static com.krleads.scraper.testing.Fixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.lead.BatchPlan.Planned;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch planned in memory; that a batch stores what one-by-one storing would, on H2 and PostgreSQL, is LeadBatchIT. */
class BatchPlanTest {
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aDuplicateWithinThePageMergesIntoTheLeadThePagePlanned() {
        BatchPlan plan = plan(draft("한빛식당", "+8223456789", null, null, null),
                draft(null, "+8223456789", "hanbit@food.kr", null, null));

        List<Planned> planned = plan.plan();

        assertThat(plan.toInsert()).singleElement().satisfies(lead -> {
            assertThat(lead.lead().companyName()).isEqualTo("한빛식당");
            assertThat(lead.lead().email()).isEqualTo("hanbit@food.kr");
        });
        assertThat(planned).extracting(Planned::created).containsExactly(true, false);
        assertThat(planned.get(1).lead()).isSameAs(planned.get(0).lead());
    }

    @Test
    void aNearDuplicateWithinThePageIsACandidateOfTheEarlierLead() {
        BatchPlan plan = plan(draft("한빛식당", "+8223456789", null, null, "서울 강남구 1"),
                draft("한빛식당 본점", "+8229998888", null, null, "서울 강남구 2"));

        List<Planned> planned = plan.plan();
        plan.toInsert().get(0).inserted(41);
        plan.toInsert().get(1).inserted(42);

        assertThat(planned.get(0).candidates()).isEmpty();
        assertThat(planned.get(1).candidates()).singleElement().satisfies(candidate -> {
            CandidatePair pair = candidate.pair();
            assertThat(pair.leadId()).isEqualTo(41);
            assertThat(pair.otherLeadId()).isEqualTo(42);
            assertThat(pair.reason()).startsWith("name similarity ").contains("same region");
        });
    }

    @Test
    void aStoredOwnerTakesTheSightingAndTheOtherOwnerIsLinked() {
        Lead byPhone = stored(7, "한빛식당", "+8223456789", null);
        Lead byWebsite = stored(3, "바다횟집", null, "sea.kr");
        BatchPlan plan = plan(draft(null, "+8223456789", null, "sea.kr", "서울 중구 1"));
        plan.owner(byWebsite, null);
        plan.owner(byPhone, null);

        List<Planned> planned = plan.plan();

        assertThat(plan.toInsert()).isEmpty();
        assertThat(planned).singleElement().satisfies(p -> {
            assertThat(p.created()).isFalse();
            assertThat(p.lead().id()).isEqualTo(7);
            assertThat(p.lead().changed()).isTrue();
            assertThat(p.lead().lead().address()).isEqualTo("서울 중구 1");
            assertThat(p.lead().lead().website()).as("the website another lead owns is not copied").isNull();
            assertThat(p.candidates()).singleElement().extracting(BatchPlan.Candidate::pair)
                    .isEqualTo(new CandidatePair(3, 7, Deduplication.linkSimilarity(byPhone, byWebsite),
                            SightingMatch.linkReason(7, 3, "website")));
        });
        assertThat(plan.stored()).filteredOn(BatchLead::changed).hasSize(1);
    }

    @Test
    void aStoredNeighbourOfThePlaceIsANearDuplicateOfANewLead() {
        LeadDraft draft = draft("한빛식당 본점", "+8229998888", null, null, "서울 강남구 2");
        BatchPlan plan = plan(draft);
        Lead neighbour = new Lead(5, "한빛식당", "+8223456789", null, null, "서울 강남구 1", null, 1, "selector", null,
                null, EARLY, EARLY);
        LeadKeys keys = Deduplication.keysOf(neighbour);
        BatchPlan.Place place = new BatchPlan.Place(keys.blockKey(), keys.regionKey());
        assertThat(plan.places(true)).containsExactly(place);
        plan.neighbour(true, place, neighbour);

        List<Planned> planned = plan.plan();
        plan.toInsert().get(0).inserted(6);

        assertThat(planned.get(0).candidates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.pair().leadId()).isEqualTo(5);
            assertThat(candidate.pair().otherLeadId()).isEqualTo(6);
        });
        assertThat(plan.stored()).noneMatch(BatchLead::changed);
    }

    private static BatchPlan plan(LeadDraft... drafts) {
        return new BatchPlan(List.of(drafts), 1, NOW, 0.85);
    }

    private static Lead stored(long id, String name, String phone, String website) {
        return new Lead(id, name, phone, null, website, null, null, 1, "selector", null, null, EARLY, EARLY);
    }
}
