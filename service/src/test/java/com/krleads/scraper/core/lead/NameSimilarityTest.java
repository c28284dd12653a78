package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NameSimilarityTest {

    @Test
    void matchesTheTextbookJaroWinklerValues() {
        assertThat(NameSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(0.0001));
        assertThat(NameSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(0.0001));
        assertThat(NameSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(0.0001));
        assertThat(NameSimilarity.jaroWinkler("abc", "xyz")).isZero();
        assertThat(NameSimilarity.jaroWinkler("", "")).isEqualTo(1.0);
    }

    @Test
    void legalFormsSpacesAndPunctuationDoNotCount() {
        assertThat(NameSimilarity.normalize("(주)한빛 식당")).isEqualTo("한빛식당");
        assertThat(NameSimilarity.normalize("㈜한빛식당")).isEqualTo("한빛식당");
        assertThat(NameSimilarity.normalize("주식회사 한빛식당")).isEqualTo("한빛식당");
        assertThat(NameSimilarity.normalize("Hanbit Foods Co., Ltd.")).isEqualTo("hanbitfoods");
        assertThat(NameSimilarity.similarity("(주)한빛식당", "한빛 식당")).isEqualTo(1.0);
    }

    @Test
    void aBranchNameIsNearAndAnotherBusinessIsNot() {
        assertThat(NameSimilarity.similarity("한빛식당", "한빛식당 강남점")).isGreaterThan(0.85);
        assertThat(NameSimilarity.similarity("한빛식당", "바다횟집")).isLessThan(0.5);
    }

    @Test
    void namesWithNothingComparableScoreZero() {
        assertThat(NameSimilarity.normalize(" (주) ")).isNull();
        assertThat(NameSimilarity.similarity(null, "한빛")).isZero();
    }
}
