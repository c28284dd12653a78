package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.testing.FixtureSite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extraction from the fixture site's pages, read from the classpath (no server). */
class ItemExtractorTest {

    private static ListingParser.ParsedPage parse(String path) throws IOException {
        try (InputStream in = ItemExtractorTest.class.getResourceAsStream("/fixture-site" + path)) {
            FetchedPage page = new FetchedPage(URI.create("http://directory.test" + path), 200, in.readAllBytes(), null);
            return ListingParser.parse(page, FixtureSite.selectors());
        }
    }

    private static List<LeadDraft> drafts(ListingParser.ParsedPage page) {
        return page.items().stream().map(item -> ItemExtractor.extract(item, FixtureSite.selectors()).toDraft()).toList();
    }

    @Test
    void firstPageItemsAndNextLink() throws IOException {
        ListingParser.ParsedPage page = parse("/seoul/food/index.html");
        assertThat(page.nextPage()).hasToString("http://directory.test/seoul/food/page2.html");
        List<LeadDraft> drafts = drafts(page);
        assertThat(drafts).hasSize(5);

        assertThat(drafts.get(0)).isEqualTo(new LeadDraft("서울맛집 한식당", "+8223456789", "info@seoulmatjip.co.kr",
                "seoulmatjip.co.kr", "서울특별시 강남구 테헤란로 123, 2층", "한식", "selector", null, null));
        assertThat(drafts.get(1)).isEqualTo(new LeadDraft("강남 치킨 하우스", "+821012345678", null, null,
                "서울특별시 강남구 역삼로 45", "치킨", "selector", null, null));
        // No phone selector hit and no mailto link: both come from the item's text.
        assertThat(drafts.get(2)).isEqualTo(new LeadDraft("명동 분식", "+8227761234", "myeongdongbunsik@naver.com",
                null, "서울특별시 중구 명동길 14", "분식", "heuristic", null, null));
        // "02-12" is not a number: missing, not guessed.
        assertThat(drafts.get(3)).isEqualTo(new LeadDraft("을지로 커피", null, "hello@euljiro-coffee.kr", null,
                "서울특별시 중구 을지로 157", "카페", "selector", null, null));
        // An advert with nothing usable; the page header's 1600 number is outside the item.
        assertThat(drafts.get(4).isLead()).isFalse();
    }

    @Test
    void secondPageWritesPhonesInText() throws IOException {
        ListingParser.ParsedPage page = parse("/seoul/food/page2.html");
        assertThat(page.nextPage()).hasToString("http://directory.test/seoul/food/page3.html");
        List<LeadDraft> drafts = drafts(page);
        assertThat(drafts).extracting(LeadDraft::phone)
                .containsExactly("+8223457788", "+82317778888", "+8221234567", "+8227345678");
        assertThat(drafts).extracting(LeadDraft::extractionMethod)
                .containsExactly("heuristic", "heuristic", "selector", "heuristic");
        assertThat(drafts.get(2).website()).isEqualTo("xn--9d0bm24ddfdvpa.kr");
        assertThat(drafts.get(3).email()).isEqualTo("bread@jongno-bakery.com");
    }

    @Test
    void thirdPageHasANamelessLeadAnEmptyItemAndAnAbsoluteNextLink() throws IOException {
        ListingParser.ParsedPage page = parse("/seoul/food/page3.html");
        assertThat(page.nextPage()).hasToString("http://directory.test/private/page4.html");
        List<LeadDraft> drafts = drafts(page);
        assertThat(drafts).extracting(LeadDraft::phone)
                .containsExactly("+82325551234", "+8223456789", "+8215881234", null);
        assertThat(drafts.get(2).companyName()).isNull();
        assertThat(drafts.get(2).isLead()).isTrue();
        assertThat(drafts.get(3).isLead()).isFalse();
    }

    @Test
    void readsAnEucKrPageByItsMetaCharset() {
        byte[] html = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head>
                <body><div class="listing"><b class="name">대구 막창골목</b><span class="tel">053-256-7890</span></div></body></html>
                """.getBytes(java.nio.charset.Charset.forName("EUC-KR"));
        ListingParser.ParsedPage page = ListingParser.parse(
                new FetchedPage(URI.create("http://directory.test/daegu"), 200, html, null), FixtureSite.selectors());
        LeadDraft draft = ItemExtractor.extract(page.items().get(0), FixtureSite.selectors()).toDraft();
        assertThat(draft.companyName()).isEqualTo("대구 막창골목");
        assertThat(draft.phone()).isEqualTo("+82532567890");
    }

    @Test
    void nullSelectorsFallBackToHeuristicsAndSelfLinksEndPagination() {
        byte[] html = """
                <div class="row">강남 세무사무소 · 연락처 010-2222-3333 · tax@gangnam-tax.kr · www.gangnam-tax.kr</div>
                <a class="more" href="#top">더보기</a>
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var selectors = new com.krleads.scraper.core.source.Selectors(".row", null, null, null, null, null, null, "a.more");
        ListingParser.ParsedPage page = ListingParser.parse(
                new FetchedPage(URI.create("http://directory.test/list"), 200, html, "UTF-8"), selectors);
        assertThat(page.nextPage()).isNull();
        LeadDraft draft = ItemExtractor.extract(page.items().get(0), selectors).toDraft();
        assertThat(draft).isEqualTo(new LeadDraft(null, "+821022223333", "tax@gangnam-tax.kr", "gangnam-tax.kr",
                null, null, "heuristic", null, null));
    }

    @org.junit.jupiter.api.Test
    void onlyTheFirstPartOfAHugeItemTextIsRead() {
        org.jsoup.nodes.Element item = org.jsoup.Jsoup.parse("<div class=\"listing\"><h2 class=\"name\">긴 본문</h2>"
                + "<p>전화 02-345-6789</p><p>" + "x".repeat(200_000) + "</p></div>").selectFirst(".listing");
        ItemFields fields = ItemExtractor.extract(item, FixtureSite.selectors());
        org.assertj.core.api.Assertions.assertThat(fields.text).hasSize(ItemFields.MAX_TEXT_CHARS);
        org.assertj.core.api.Assertions.assertThat(fields.phone).isEqualTo("+8223456789");
    }
}
