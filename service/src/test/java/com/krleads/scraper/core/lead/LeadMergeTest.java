package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadMergeTest {
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static Lead lead(long id, String name, String phone, String email, String website, String address,
                             Instant firstSeen) {
        return new Lead(id, name, phone, email, website, address, null, 1, "selector", null, null, firstSeen, firstSeen);
    }

    @Test
    void keptValuesWinAndGapsAreFilledFromTheOther() {
        Lead kept = lead(1, "서울식당", null, "a@example.kr", null, null, LATE);
        Lead other = lead(2, "서울 식당", "+8221234567", "b@example.kr", "seoul.example.kr", "종로구 1", EARLY);

        Lead merged = LeadMerge.fold(kept, other, Set.of(), NOW);

        assertThat(merged.id()).isEqualTo(1);
        assertThat(merged.companyName()).isEqualTo("서울식당");
        assertThat(merged.email()).isEqualTo("a@example.kr");
        assertThat(merged.phone()).isEqualTo("+8221234567");
        assertThat(merged.website()).isEqualTo("seoul.example.kr");
        assertThat(merged.address()).isEqualTo("종로구 1");
        assertThat(merged.firstSeen()).isEqualTo(EARLY);
        assertThat(merged.lastSeen()).isEqualTo(NOW);
    }

    @Test
    void aKeyOwnedByAThirdLeadIsNotTaken() {
        Lead kept = lead(1, "서울식당", null, null, null, null, EARLY);
        Lead other = lead(0, "서울식당", "+8221234567", "b@example.kr", "seoul.example.kr", "종로구 1", NOW);

        Lead merged = LeadMerge.fold(kept, other, EnumSet.of(LeadMerge.Key.PHONE, LeadMerge.Key.WEBSITE), NOW);

        assertThat(merged.phone()).isNull();
        assertThat(merged.website()).isNull();
        assertThat(merged.email()).isEqualTo("b@example.kr");
        assertThat(merged.address()).isEqualTo("종로구 1");
        assertThat(merged.firstSeen()).isEqualTo(EARLY);
    }

    @Test
    void aSightingFoldsLikeALeadFirstSeenNow() {
        LeadDraft draft = new LeadDraft("부산횟집", "+82511234567", null, null, null, "한식", "heuristic", "valid", null);

        Lead sighting = LeadMerge.sighting(draft, 7, NOW);

        assertThat(sighting.sourceId()).isEqualTo(7);
        assertThat(sighting.category()).isEqualTo("한식");
        assertThat(sighting.phoneStatus()).isEqualTo("valid");
        assertThat(sighting.firstSeen()).isEqualTo(NOW);
    }
}
