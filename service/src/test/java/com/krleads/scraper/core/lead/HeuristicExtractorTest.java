package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeuristicExtractorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "☎ 02-345-6789 (평일 09~18시)                | +8223456789",
            "Tel. 02)345-6789 / 영업시간 11:00~22:00      | +8223456789",
            "예약 문의 (031) 777-8888 · 주차 가능         | +82317778888",
            "사장님 휴대폰 010-1234-5678                   | +821012345678",
            "Call +82 2 123 4567 (English)                | +8221234567",
            "전화: 02.345.6789                            | +8223456789",
            "대표번호 1588-1234 (24시간)                   | +8215881234",
            "TEL:051-245-7788FAX:051-245-7789             | +82512457788",
            "우편번호 06236 서울 강남구 · 전화 02-555-0123 | +8225550123"})
    void findsPhonesAsKoreanListingsWriteThem(String text, String expected) {
        assertThat(HeuristicExtractor.phone(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "사업자등록번호 123-45-67890",
            "우편번호 06236, 테헤란로 123",
            "전화 02-12 (번호 확인 중)",
            "영업시간 11:00-22:00, 2023.05.01 개업",
            "가격 12,000원 ~ 35,000원"})
    void ignoresNumbersThatAreNotPhones(String text) {
        assertThat(HeuristicExtractor.phone(text)).isNull();
    }

    @Test
    void findsEmailInText() {
        assertThat(HeuristicExtractor.email("단체 주문: Bread@Jongno-Bakery.com 으로 연락 주세요"))
                .isEqualTo("bread@jongno-bakery.com");
        assertThat(HeuristicExtractor.email("이메일 없음 @ 문의")).isNull();
    }

    @Test
    void findsWebsiteInText() {
        assertThat(HeuristicExtractor.websiteHost("홈페이지 www.SeoulMatjip.co.kr 참고")).isEqualTo("seoulmatjip.co.kr");
        assertThat(HeuristicExtractor.websiteHost("https://blog.naver.com/matjip 블로그")).isEqualTo("blog.naver.com");
        assertThat(HeuristicExtractor.websiteHost("메일 info@www.example.kr")).isNull();
    }
}
