package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeadSanitizerTest {
    private static LeadDraft draft(String name, String phone, String website, String address, String category) {
        return new LeadDraft(name, phone, null, website, address, category, "selector", null, null);
    }

    @Test
    void controlCharactersGoAndLoneSurrogatesAreReplaced() {
        LeadSanitizer.Result result = LeadSanitizer.sanitize(
                draft("널\u0000문자\u0007 식당\t본점\n", "+8223456789", null, "서울\u001F 중구", "\uD800한식\uDC00"));
        assertThat(result.rejected()).isFalse();
        assertThat(result.draft().companyName()).isEqualTo("널문자 식당 본점");
        assertThat(result.draft().address()).isEqualTo("서울 중구");
        assertThat(result.draft().category()).isEqualTo("\uFFFD한식\uFFFD");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void freeTextIsCutToItsColumnWithoutSplittingAPair() {
        String name = "가".repeat(LeadColumns.COMPANY_NAME - 1) + "😀" + "나";
        LeadSanitizer.Result result = LeadSanitizer.sanitize(
                draft(name, null, null, "주".repeat(1200), "분".repeat(300)));
        assertThat(result.draft().companyName()).hasSize(LeadColumns.COMPANY_NAME - 1).doesNotContain("\uD83D");
        assertThat(result.draft().address()).hasSize(LeadColumns.ADDRESS);
        assertThat(result.draft().category()).hasSize(LeadColumns.CATEGORY);
        assertThat(result.notes()).containsExactly("company name cut from 502 to 500 characters",
                "address cut from 1200 to 1000 characters", "category cut from 300 to 200 characters");
    }

    @Test
    void aContactLongerThanItsColumnRejectsTheItemWithAReason() {
        LeadSanitizer.Result result = LeadSanitizer.sanitize(draft("긴 도메인", null, "a".repeat(300) + ".kr", null, null));
        assertThat(result.rejected()).isTrue();
        assertThat(result.rejection()).isEqualTo("website is 303 characters, over the 255 its column holds");
    }

    @Test
    void anItemLeftWithNothingIsRejected() {
        LeadSanitizer.Result result = LeadSanitizer.sanitize(draft("\u0000\u0001", null, null, "서울", null));
        assertThat(result.rejected()).isTrue();
        assertThat(result.rejection()).startsWith("no company name or contact is left");
    }

    @Test
    void keysDerivedFromLongFieldsFitTheirColumns() {
        LeadKeys keys = LeadKeys.of("㍿".repeat(400), null, null, null, "가".repeat(999));
        assertThat(keys.nameKey()).hasSizeLessThanOrEqualTo(LeadColumns.NAME_KEY);
        assertThat(keys.regionKey()).isNull();
        assertThat(keys.fallbackKey()).hasSizeLessThanOrEqualTo(LeadColumns.FALLBACK_KEY);
    }

    @Test
    void theLimitsAreTheSchemasOwn() throws IOException {
        String schema;
        try (InputStream in = LeadSanitizerTest.class.getResourceAsStream("/db/migration/V1__schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String leads = schema.substring(schema.indexOf("CREATE TABLE leads"));
        leads = leads.substring(0, leads.indexOf(");"));
        assertThat(length(leads, "company_name")).isEqualTo(LeadColumns.COMPANY_NAME);
        assertThat(length(leads, "phone")).isEqualTo(LeadColumns.PHONE);
        assertThat(length(leads, "email")).isEqualTo(LeadColumns.EMAIL);
        assertThat(length(leads, "website")).isEqualTo(LeadColumns.WEBSITE);
        assertThat(length(leads, "address")).isEqualTo(LeadColumns.ADDRESS);
        assertThat(length(leads, "category")).isEqualTo(LeadColumns.CATEGORY);
        assertThat(length(leads, "extraction_method")).isEqualTo(LeadColumns.EXTRACTION_METHOD);
        assertThat(length(leads, "phone_status")).isEqualTo(LeadColumns.STATUS);
        assertThat(length(leads, "email_status")).isEqualTo(LeadColumns.STATUS);
        assertThat(length(leads, "name_key")).isEqualTo(LeadColumns.NAME_KEY);
        assertThat(length(leads, "block_key")).isEqualTo(LeadColumns.BLOCK_KEY);
        assertThat(length(leads, "region_key")).isEqualTo(LeadColumns.REGION_KEY);
        assertThat(length(leads, "area_code")).isEqualTo(LeadColumns.AREA_CODE);
        assertThat(length(leads, "fallback_key")).isEqualTo(LeadColumns.FALLBACK_KEY);
    }

    private static int length(String table, String column) {
        Matcher m = Pattern.compile("\\n\\s+" + column + "\\s+VARCHAR\\((\\d+)\\)").matcher(table);
        assertThat(m.find()).as(column).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
