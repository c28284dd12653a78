package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "02-123-4567       | +8221234567",
            "010-1234-5678     | +821012345678",
            "+82 2 123 4567    | +8221234567",
            "+82-10-1234-5678  | +821012345678",
            "(031) 777-8888    | +82317778888",
            "02)345-6789       | +8223456789",
            "02.345.6789       | +8223456789",
            "  051-245-7788    | +82512457788",
            "0212345678        | +82212345678",
            "1588-1234         | +8215881234",
            "070-4321-8765     | +827043218765"})
    void normalizesKoreanPhonesToE164(String raw, String expected) {
        assertThat(ContactNormalizer.phone(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-12", "123", "전화 문의", "010-12-34", "+1 555", "02-0123-4567"})
    @NullAndEmptySource
    void invalidPhonesBecomeNull(String raw) {
        assertThat(ContactNormalizer.phone(raw)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Info@SeoulMatjip.co.kr                 | info@seoulmatjip.co.kr",
            "mailto:hello@euljiro-coffee.kr?subject=x | hello@euljiro-coffee.kr",
            " MyeongdongBunsik@Naver.com            | myeongdongbunsik@naver.com",
            "first.last+tag@example.co.kr           | first.last+tag@example.co.kr"})
    void lowerCasesAndChecksEmails(String raw, String expected) {
        assertThat(ContactNormalizer.email(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"이메일 문의", "info@", "@naver.com", "a@b", "a b@c.kr", "x@-bad.kr", "x..y@naver.com"})
    void badEmailsBecomeNull(String raw) {
        assertThat(ContactNormalizer.email(raw)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://www.SeoulMatjip.co.kr/menu  | seoulmatjip.co.kr",
            "https://shop.example.kr:8443/a?b=c | shop.example.kr",
            "www.jongno-bakery.com              | jongno-bakery.com",
            "Example.KR.                        | example.kr",
            "https://www.판교카페.kr/            | xn--9d0bm24ddfdvpa.kr"})
    void websitesBecomeNormalizedHosts(String raw, String expected) {
        assertThat(ContactNormalizer.websiteHost(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"홈페이지", "http://", "not a host"})
    void nonHostsBecomeNull(String raw) {
        assertThat(ContactNormalizer.websiteHost(raw)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  서울특별시   강남구\n 테헤란로 123 '| 서울특별시 강남구 테헤란로 123",
            "'\u00a0서울맛집\u3000한식당 '       | 서울맛집 한식당"})
    void trimsAndCollapsesText(String raw, String expected) {
        assertThat(ContactNormalizer.text(raw)).isEqualTo(expected);
    }
}
