package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.testing.FixtureSite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A page read item by item gives what the whole parse gives, and lets go of what was read. */
class StreamedListingTest {
    private static final ListingParser.Limits DEFAULTS = new ListingParser.Limits(128, 5_000);

    @ParameterizedTest
    @ValueSource(strings = {"/seoul/food/index.html", "/seoul/food/page2.html", "/seoul/food/page3.html"})
    void theFixturePagesReadAsTheWholeParseReadsThem(String path) throws IOException {
        FetchedPage page = fixture(path);
        ListingParser.ParsedPage whole = ListingParser.parse(page, FixtureSite.selectors(), DEFAULTS);

        List<LeadDraft> streamed = new ArrayList<>();
        ListingParser.PageSummary summary;
        try (ListingParser.PageItems items = new StreamedListing(page, FixtureSite.selectors(), DEFAULTS)) {
            for (Element item = items.next(); item != null; item = items.next()) {
                streamed.add(ItemExtractor.extract(item, FixtureSite.selectors()).toDraft());
            }
            summary = items.finish();
        }

        assertThat(streamed).isNotEmpty().isEqualTo(whole.items().stream()
                .map(item -> ItemExtractor.extract(item, FixtureSite.selectors()).toDraft()).toList());
        assertThat(summary.nextPage()).isEqualTo(whole.nextPage());
        assertThat(summary.itemsFound()).isEqualTo(whole.itemsFound());
        assertThat(summary.itemsRead()).isEqualTo(whole.items().size());
        assertThat(summary.charset()).isEqualTo(whole.charset());
    }

    @Test
    void anItemIsLetGoWhenTheNextIsAskedForAndTheRestOfThePageIsOnlyCounted() {
        FetchedPage page = html("<ul>" + "<li class=\"biz\"><b>상호</b> 02-123-4567</li>".repeat(5) + "</ul>"
                + "<a class=\"next\" href=\"/p2\">다음</a>");
        Selectors selectors = new Selectors("li.biz", "b", null, null, null, null, null, "a.next");

        try (ListingParser.PageItems items = new StreamedListing(page, selectors, new ListingParser.Limits(128, 3))) {
            Element first = items.next();
            assertThat(first.text()).isEqualTo("상호 02-123-4567");
            Element second = items.next();
            assertThat(first.childNodeSize()).isZero();
            assertThat(second.text()).isEqualTo("상호 02-123-4567");
            assertThat(items.next()).isNotNull();
            assertThat(items.next()).isNull();

            ListingParser.PageSummary summary = items.finish();
            assertThat(summary.itemsFound()).isEqualTo(5);
            assertThat(summary.itemsRead()).isEqualTo(3);
            assertThat(summary.nextPage()).hasToString("http://directory.test/p2");
        }
    }

    @Test
    void anItemInsideAnItemLeavesTheOuterWhole() {
        FetchedPage page = html("<div class=\"biz\">바깥 <div class=\"biz\">안쪽</div> 끝</div>");
        Selectors selectors = new Selectors("div.biz", null, null, null, null, null, null, null);

        List<String> texts = new ArrayList<>();
        try (ListingParser.PageItems items = new StreamedListing(page, selectors, DEFAULTS)) {
            for (Element item = items.next(); item != null; item = items.next()) {
                texts.add(item.text());
            }
        }

        assertThat(texts).containsExactlyInAnyOrder("바깥 안쪽 끝", "안쪽");
    }

    @Test
    void nestingPastTheLimitIsCutAndCountedAsTheWholeParseCutsIt() {
        FetchedPage page = html("<div class=\"biz\">가 02-123-4567 ".repeat(2_000));
        Selectors selectors = new Selectors("div.biz", null, null, null, null, null, null, null);
        ListingParser.ParsedPage whole = ListingParser.parse(page, selectors, DEFAULTS);

        int read = 0;
        ListingParser.PageSummary summary;
        try (ListingParser.PageItems items = new StreamedListing(page, selectors, DEFAULTS)) {
            while (items.next() != null) {
                read++;
            }
            summary = items.finish();
        }

        assertThat(summary.depthCut()).isEqualTo(whole.depthCut()).isEqualTo(1);
        assertThat(summary.itemsFound()).isEqualTo(whole.itemsFound()).isLessThan(130);
        assertThat(read).isEqualTo(whole.items().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2.head + div.biz", "h2.head ~ div.biz", "div.list > div.biz"})
    void siblingAndChildCombinatorsMatchAsInTheWholeParse(String item) {
        FetchedPage page = html("<div class=\"list\"><div class=\"biz\">앞</div><h2 class=\"head\">제목</h2>"
                + "<div class=\"biz\">하나</div><p>광고</p><div class=\"biz\">둘</div></div>");
        Selectors selectors = new Selectors(item, null, null, null, null, null, null, null);
        List<String> whole = ListingParser.parse(page, selectors, DEFAULTS).items().stream().map(Element::text).toList();

        List<String> streamed = new ArrayList<>();
        try (ListingParser.PageItems items = new StreamedListing(page, selectors, DEFAULTS)) {
            for (Element element = items.next(); element != null; element = items.next()) {
                streamed.add(element.text());
            }
        }

        assertThat(streamed).isNotEmpty().isEqualTo(whole);
    }

    @Test
    void aSelectorWithAPseudoClassReadsTheWholePage() {
        FetchedPage page = html("<ul><li>하나</li><li>둘</li><li>셋</li></ul>");
        Selectors last = new Selectors("li:last-child", null, null, null, null, null, null, null);

        List<String> texts = new ArrayList<>();
        try (ListingParser.PageItems items = ListingParser.read(page, last, DEFAULTS)) {
            for (Element item = items.next(); item != null; item = items.next()) {
                texts.add(item.text());
            }
        }

        assertThat(texts).containsExactly("셋");
    }

    private static FetchedPage html(String body) {
        return new FetchedPage(URI.create("http://directory.test/list"), 200,
                ("<html><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8), "utf-8");
    }

    private static FetchedPage fixture(String path) throws IOException {
        try (InputStream in = StreamedListingTest.class.getResourceAsStream("/fixture-site" + path)) {
            return new FetchedPage(URI.create("http://directory.test" + path), 200, in.readAllBytes(), null);
        }
    }
}
