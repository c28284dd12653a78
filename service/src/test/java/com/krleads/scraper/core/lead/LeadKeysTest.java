package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadKeysTest {

    @Test
    void regionIsCityAndDistrictWhateverTheSpelling() {
        assertThat(LeadKeys.regionKey("서울특별시 강남구 테헤란로 1")).isEqualTo("서울 강남구");
        assertThat(LeadKeys.regionKey("서울 강남구 역삼동")).isEqualTo("서울 강남구");
        assertThat(LeadKeys.regionKey("부산광역시 해운대구 우동 1")).isEqualTo("부산 해운대구");
        assertThat(LeadKeys.regionKey("경기도 성남시 분당구")).isEqualTo("경기 성남시");
        assertThat(LeadKeys.regionKey("제주특별자치도 제주시 1")).isEqualTo("제주 제주시");
        assertThat(LeadKeys.regionKey("  ")).isNull();
        assertThat(LeadKeys.regionKey(null)).isNull();
    }

    @Test
    void areaCodeComesFromLandlinesOnly() {
        assertThat(LeadKeys.areaCode("+8221234567")).isEqualTo("02");
        assertThat(LeadKeys.areaCode("+82317778888")).isEqualTo("031");
        assertThat(LeadKeys.areaCode("+821012345678")).as("mobile").isNull();
        assertThat(LeadKeys.areaCode("+12025550100")).isNull();
        assertThat(LeadKeys.areaCode(null)).isNull();
    }

    @Test
    void theBlockIsTheStartOfTheNormalizedName() {
        LeadKeys keys = LeadKeys.of("(주)한빛 식당", "+8221234567", null, null, "서울 중구");
        assertThat(keys.nameKey()).isEqualTo("한빛식당");
        assertThat(keys.blockKey()).isEqualTo("한빛");
        assertThat(keys.fallbackKey()).as("has a contact").isNull();
    }

    @Test
    void aLeadWithoutContactsIsIdentifiedByNameAndAddress() {
        LeadKeys keys = LeadKeys.of("무지개 꽃집", null, null, null, "대구  중구 1");
        assertThat(keys.fallbackKey()).isEqualTo("무지개꽃집|대구 중구 1");
    }
}
