package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SightingMatchTest {
    private static final Function<String, Object> SAME = name -> name;

    @Test
    void noOwnerMeansANewLead() {
        assertThat(SightingMatch.of(null, null, null, null, SAME)).isEmpty();
    }

    @Test
    void thePhoneOwnerWinsThenEmailThenWebsiteThenTheFallbackKey() {
        assertThat(SightingMatch.of("a", "b", "c", "d", SAME).orElseThrow().target()).isEqualTo("a");
        assertThat(SightingMatch.of(null, "b", "c", "d", SAME).orElseThrow().target()).isEqualTo("b");
        assertThat(SightingMatch.of(null, null, "c", "d", SAME).orElseThrow().target()).isEqualTo("c");
        assertThat(SightingMatch.of(null, null, null, "d", SAME).orElseThrow().target()).isEqualTo("d");
    }

    @Test
    void keysOwnedByAnotherLeadAreNotTakenAndItsEmailOrWebsiteOwnerIsLinked() {
        SightingMatch<String> match = SightingMatch.of("a", "b", "a", null, SAME).orElseThrow();
        assertThat(match.ownedElsewhere()).containsExactly(LeadMerge.Key.EMAIL);
        assertThat(match.links()).containsExactly(new SightingMatch.Link<>("b", "e-mail"));

        SightingMatch<String> byEmail = SightingMatch.of(null, "b", "c", null, SAME).orElseThrow();
        assertThat(byEmail.ownedElsewhere()).containsExactly(LeadMerge.Key.WEBSITE);
        assertThat(byEmail.links()).containsExactly(new SightingMatch.Link<>("c", "website"));
    }

    @Test
    void oneLeadOwningEveryKeyLinksNothing() {
        SightingMatch<String> match = SightingMatch.of("a", "a", "a", null, SAME).orElseThrow();
        assertThat(match.ownedElsewhere()).isEmpty();
        assertThat(match.links()).isEmpty();
    }
}
