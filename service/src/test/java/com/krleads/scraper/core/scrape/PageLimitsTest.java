package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobControl;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.InMemoryLeadStore;
import com.krleads.scraper.testing.ListingPage;
import com.krleads.scraper.testing.RecordingEvents;
import com.krleads.scraper.testing.TestConfigs;
import io.dropwizard.util.DataSize;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a page may cost a run: text cut while it is built, nesting and items capped, every cut said on the job. */
class PageLimitsTest {
    private static final Job JOB = new Job(9, 1, "scraping", JobStatus.RUNNING, 1, JobCounts.NONE, null,
            "test-worker", null, null, Instant.EPOCH, Instant.EPOCH, null);
    private final InMemoryLeadStore store = new InMemoryLeadStore();
    private final RecordingEvents events = new RecordingEvents();
    private final List<String> notes = new ArrayList<>();
    private FixtureSite site;

    @BeforeEach
    void startSite() throws Exception {
        site = FixtureSite.start();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<div><h2>서울 <b>맛집</b></h2><p>02-123-4567</p><ul><li>a</li><li>b</li></ul>tail</div>",
        "<div>one<br>two<br/>three <span>in</span>line<div>block</div>after</div>",
        "<div><pre>  kept   as\n  is </pre>  and   squeezed  </div>",
        "<div>  <p> lead </p>  <p>trail</p>   </div>",
        "<div><table><tr><td>1</td><td>2</td></tr></table>x</div>"})
    void boundedTextReadsAsJsoupsTextWhenItFits(String html) {
        Element item = Jsoup.parseBodyFragment(html).body().child(0);
        assertThat(BoundedText.of(item, 10_000)).isEqualTo(item.text());
    }

    @Test
    void boundedTextIsJsoupsTextOnEveryItemOfTheFixturePages() throws Exception {
        for (String page : List.of("index.html", "page2.html", "page3.html")) {
            String html = new String(getClass().getResourceAsStream("/fixture-site/seoul/food/" + page).readAllBytes(),
                    StandardCharsets.UTF_8);
            for (Element item : Jsoup.parse(html).select(FixtureSite.selectors().item())) {
                assertThat(BoundedText.of(item, ItemFields.MAX_TEXT_CHARS)).isEqualTo(item.text());
            }
        }
    }

    @Test
    void boundedTextStopsAtItsLimit() {
        Element item = Jsoup.parseBodyFragment("<div>" + "<p>가나다라</p>".repeat(50_000) + "</div>").body().child(0);
        assertThat(BoundedText.of(item, 8000)).hasSizeBetween(7995, 8000).startsWith("가나다라 가나다라");
    }

    @Test
    void nestingPastTheLimitIsCutAndCounted() {
        Document deep = Jsoup.parse("<html><body>" + "<div>x".repeat(5_000) + "</body></html>");
        assertThat(ListingParser.cutBelow(deep, 128)).isEqualTo(1);
        assertThat(deep.select("div")).hasSizeLessThan(130);
    }

    @Test
    void aTenThousandItemPageGoesThroughWithTheDefaults() throws Exception {
        ListingPage page = new ListingPage();
        for (int i = 0; i < 10_000; i++) {
            page.add(ListingPage.Item.named("상호 " + i, String.format("02-%03d-%04d", 100 + i / 10_000, i)));
        }
        site.serve("/big/list.html", "text/html; charset=UTF-8", page.html());

        JobCounts counts = runner(new ScraperConfig()).run(JOB, source("/big/list.html"), control());

        assertThat(counts.pagesFetched()).isEqualTo(1);
        assertThat(store.received()).hasSize(10_000);
        assertThat(notes).isEmpty();
    }

    @Test
    void itemsPastThePageAndJobLimitsAreLeftAndTheCutIsSaidOnTheJob() throws Exception {
        site.serve("/cut/list.html", "text/html; charset=UTF-8", listing(30, "/cut/list2.html"));
        site.serve("/cut/list2.html", "text/html; charset=UTF-8", listing(30, null));
        ScraperConfig config = new ScraperConfig();
        config.maxItemsPerPage = 20;
        config.maxItemsPerJob = 25;

        runner(config).run(JOB, source("/cut/list.html"), control());

        assertThat(store.received()).hasSize(25);
        assertThat(notes).last().asString()
                .contains("page 1 has 30 items; only the first 20 were read (scraper.maxItemsPerPage)")
                .contains("scraper.maxItemsPerJob (25)");
    }

    /** 100,000 nested items: without the cut, each reads the text below it again (41 s for 500 KB). */
    @Test
    void aDeeplyNestedPageIsCutAtTheNestingLimitAndTheCutSaid() throws Exception {
        site.serve("/deep/list.html", "text/html; charset=UTF-8",
                "<html><body>" + "<div class=\"listing\">가 02-123-4567 ".repeat(100_000) + "</body></html>");

        JobCounts counts = runner(new ScraperConfig()).run(JOB, source("/deep/list.html"), control());

        assertThat(counts.pagesFetched()).isEqualTo(1);
        assertThat(store.received().size() + counts.errors()).isLessThanOrEqualTo(128);
        assertThat(notes).singleElement().asString().contains("nests deeper than 128 levels");
    }

    private static String listing(int items, String next) {
        ListingPage page = new ListingPage();
        for (int i = 0; i < items; i++) {
            page.add(ListingPage.Item.named((next == null ? "둘째 " : "첫째 ") + i, String.format("02-555-%04d", i)));
        }
        return (next == null ? page : page.next(next)).html();
    }

    private ScrapeJobRunner runner(ScraperConfig limits) {
        ScraperConfig config = TestConfigs.scraper(true);
        config.maxBodySize = DataSize.megabytes(5);
        PageFetcher fetcher = new PageFetcher(config, new UrlGuard(true)::resolve, d -> { });
        return new ScrapeJobRunner(fetcher, new LeadAssembler(new Enricher(EnrichmentMode.OFF, null, events), null),
                store, events, new ScrapeJobRunner.Bounds(Duration.ofMinutes(5),
                        new ListingParser.Limits(limits.maxNestingDepth, limits.maxItemsPerPage), limits.maxItemsPerJob));
    }

    private Source source(String path) {
        return new Source(1, "limits", site.baseUrl() + path, FixtureSite.selectors(), 10, 0, true, Instant.EPOCH,
                Instant.EPOCH);
    }

    private JobControl control() {
        return new JobControl() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void pageDone(JobCounts soFar) {
            }

            @Override
            public void endedEarly(String reason) {
                notes.add(reason);
            }
        };
    }
}
