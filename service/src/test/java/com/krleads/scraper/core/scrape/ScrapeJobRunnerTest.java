package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.scraper.config.EnrichmentConfig;
import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobControl;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.net.LocalHostPacer;
import com.krleads.scraper.core.net.RefusedUrlException;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.core.quality.FieldCounts;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.InMemoryLeadStore;
import com.krleads.scraper.testing.LoopbackDns;
import com.krleads.scraper.testing.OllamaStub;
import com.krleads.scraper.testing.RecordingEvents;
import com.krleads.scraper.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline against the fixture directory site, storing into {@link InMemoryLeadStore}
 * (the database-backed store is covered by its own tests and by the end-to-end application test).
 */
class ScrapeJobRunnerTest {
    private static final Job JOB = new Job(7, 1, "scraping", JobStatus.RUNNING, 1, JobCounts.NONE, null,
            "test-worker", null, null, Instant.EPOCH, Instant.EPOCH, null);

    private final InMemoryLeadStore store = new InMemoryLeadStore();
    private final RecordingEvents events = new RecordingEvents();
    private FixtureSite site;

    /** Records progress; cancels the job once {@code cancelAfterPages} pages are done. */
    private static class Control implements JobControl {
        final List<JobCounts> progress = new CopyOnWriteArrayList<>();
        final List<com.krleads.scraper.core.quality.JobQuality> quality = new CopyOnWriteArrayList<>();
        final int cancelAfterPages;

        Control(int cancelAfterPages) {
            this.cancelAfterPages = cancelAfterPages;
        }

        @Override
        public boolean isCancelled() {
            return progress.size() >= cancelAfterPages;
        }

        @Override
        public void pageDone(JobCounts soFar) {
            progress.add(soFar);
        }

        @Override
        public void qualityMeasured(com.krleads.scraper.core.quality.JobQuality soFar) {
            quality.add(soFar);
        }
    }

    @BeforeEach
    void startSite() throws Exception {
        site = FixtureSite.start();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private Source source(String startUrl, int maxPages) {
        return new Source(1, "seoul-food", startUrl, FixtureSite.selectors(), maxPages, 0, true, Instant.EPOCH, Instant.EPOCH);
    }

    private ScrapeJobRunner runner(boolean allowPrivateAddresses) {
        ScraperConfig config = TestConfigs.scraper(allowPrivateAddresses);
        PageFetcher fetcher = new PageFetcher(config, new UrlGuard(allowPrivateAddresses)::resolve, PageFetcher.Sleeper.REAL);
        LeadAssembler assembler = new LeadAssembler(new Enricher(EnrichmentMode.OFF, null, events), null);
        return new ScrapeJobRunner(fetcher, assembler, store, events, ScrapeJobRunner.Bounds.deadline(Duration.ofMinutes(1)));
    }

    @Test
    void measuresYieldAndFieldsPageByPageWhileReadingTheItems() throws Exception {
        Control control = new Control(Integer.MAX_VALUE);
        runner(true).run(JOB, source(site.startUrl(), 10), control);

        assertThat(control.quality).extracting(q -> q.counts().items()).containsExactly(5, 9, 13);
        // Page 1 shows "02-12" as a phone: shown, but no valid number.
        FieldCounts first = control.quality.get(0).counts();
        assertThat(first.count(ItemField.PHONE)).isEqualTo(4);
        assertThat(first.count(ItemField.PHONE_VALID)).isEqualTo(3);
        com.krleads.scraper.core.quality.JobQuality job = control.quality.get(2);
        assertThat(job.pages()).isEqualTo(3);
        assertThat(job.pagesWithoutItems()).isZero();
        assertThat(job.counts()).isEqualTo(new FieldCounts(13, new int[] {10, 11, 10, 4, 2, 10, 11}));
    }

    @Test
    void scrapesAllPagesAndCountsNewUpdatedAndErrors() throws Exception {
        Control control = new Control(Integer.MAX_VALUE);
        JobCounts counts = runner(true).run(JOB, source(site.startUrl(), 10), control);

        // 13 items: 10 new leads, the flagship store seen again on page 3, 2 items with nothing usable.
        assertThat(counts).isEqualTo(new JobCounts(3, 10, 1, 2));
        assertThat(control.progress).containsExactly(
                new JobCounts(1, 4, 0, 1), new JobCounts(2, 8, 0, 1), new JobCounts(3, 10, 1, 2));
        assertThat(store.leads()).extracting(LeadDraft::companyName).containsExactly(
                "서울맛집 한식당", "강남 치킨 하우스", "명동 분식", "을지로 커피",
                "부산 해물탕 서울점", "수원 왕갈비", "판교 카페 테라스", "종로 빵공방",
                "인천 바다횟집", null);
        assertThat(store.byName("수원 왕갈비")).isEqualTo(new LeadDraft("수원 왕갈비", "+82317778888", null, null,
                "경기도 수원시 팔달구 정조로 800", "한식", "heuristic", null, null));
        assertThat(store.byName("서울맛집 한식당 (본점)").phone()).isEqualTo("+8223456789");

        assertThat(events.count("stored:seoul-food:new")).isEqualTo(10);
        assertThat(events.count("stored:seoul-food:updated")).isEqualTo(1);
        assertThat(events.count("stored:seoul-food:error")).isEqualTo(2);
        assertThat(events.count("duplicate:auto_merge")).isEqualTo(1);
    }

    @Test
    void readsRobotsOnceAndNeverFollowsTheNextLinkIntoPrivate() throws Exception {
        runner(true).run(JOB, source(site.startUrl(), 10), new Control(Integer.MAX_VALUE));

        assertThat(site.requestedPaths()).containsExactly("/robots.txt", "/seoul/food/index.html",
                "/seoul/food/page2.html", "/seoul/food/page3.html");
        assertThat(site.requests()).allSatisfy(r -> assertThat(r.userAgent()).isEqualTo("KRLeadScraper/0.1 (test)"));
    }

    @Test
    void stopsAtMaxPages() throws Exception {
        JobCounts counts = runner(true).run(JOB, source(site.startUrl(), 2), new Control(Integer.MAX_VALUE));
        assertThat(counts).isEqualTo(new JobCounts(2, 8, 0, 1));
        assertThat(site.count("/seoul/food/page3.html")).isZero();
    }

    @Test
    void aCancelledJobStopsAfterTheCurrentPage() throws Exception {
        Control control = new Control(1);
        JobCounts counts = runner(true).run(JOB, source(site.startUrl(), 10), control);
        assertThat(counts).isEqualTo(new JobCounts(1, 4, 0, 1));
        assertThat(control.progress).hasSize(1);
        assertThat(site.requestedPaths()).containsExactly("/robots.txt", "/seoul/food/index.html");
    }

    @Test
    void aStrictGuardRefusesTheLoopbackSiteBeforeAnyRequest() {
        assertThatThrownBy(() -> runner(false).run(JOB, source(site.startUrl(), 10), new Control(Integer.MAX_VALUE)))
                .isInstanceOf(ScrapeException.class)
                .hasMessageContaining(RefusedUrlException.NOT_ALLOWED)
                .rootCause().isInstanceOfSatisfying(RefusedUrlException.class,
                        refused -> assertThat(refused.rule()).contains("loopback (127.0.0.0/8)"));
        assertThat(site.requests()).isEmpty();
        assertThat(store.received()).isEmpty();
    }

    @Test
    void aStartPageForbiddenByRobotsFailsTheJobClearly() {
        assertThatThrownBy(() -> runner(true).run(JOB, source(site.baseUrl() + "/private/start.html", 10),
                new Control(Integer.MAX_VALUE)))
                .isInstanceOf(ScrapeException.class)
                .hasMessage("robots.txt of " + site.baseUrl() + " does not allow fetching the start page "
                        + site.baseUrl() + "/private/start.html");
        assertThat(site.requestedPaths()).containsExactly("/robots.txt");
    }

    @Test
    void aMissingStartPageFailsTheJob() {
        assertThatThrownBy(() -> runner(true).run(JOB, source(site.baseUrl() + "/seoul/nothing.html", 10),
                new Control(Integer.MAX_VALUE)))
                .isInstanceOf(ScrapeException.class).hasMessageContaining("start page failed").hasMessageContaining("HTTP 404");
    }

    @Test
    void aBadSelectorFailsTheJobBeforeAnyRequest() {
        Source bad = new Source(1, "seoul-food", site.startUrl(),
                new com.krleads.scraper.core.source.Selectors(".listing", "h2[", null, null, null, null, null, null),
                10, 0, true, Instant.EPOCH, Instant.EPOCH);
        assertThatThrownBy(() -> runner(true).run(JOB, bad, new Control(Integer.MAX_VALUE)))
                .isInstanceOf(ScrapeException.class).hasMessageStartingWith("selectors.name: not a valid CSS selector");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void productionWiringEnrichesThroughOllamaAndVerifiesContacts() throws Exception {
        try (OllamaStub ollama = OllamaStub.start();
             LoopbackDns dns = LoopbackDns.start().with("seoulmatjip.co.kr", LoopbackDns.TYPE_MX)) {
            ollama.answer("""
                    {"company_name": null, "phone": null, "email": null, "website": null,
                     "address": null, "category": "배달"}""");
            EnrichmentConfig enrichment = new EnrichmentConfig();
            enrichment.mode = EnrichmentMode.AUTO;
            enrichment.ollamaEnabled = true;
            enrichment.ollamaBaseUrl = ollama.baseUrl();
            enrichment.timeout = io.dropwizard.util.Duration.seconds(2);
            VerificationConfig verification = new VerificationConfig();
            verification.enabled = true;
            verification.dnsTimeout = io.dropwizard.util.Duration.milliseconds(300);
            verification.dnsServerUrl = dns.url();

            ScrapeJobRunner runner = ScrapeJobRunner.create(TestConfigs.scraper(true), enrichment, verification, store, events,
                    new LocalHostPacer(Clock.systemUTC()));
            JobCounts counts = runner.run(JOB, source(site.startUrl(), 10), new Control(Integer.MAX_VALUE));

            assertThat(counts).isEqualTo(new JobCounts(3, 10, 1, 2));
            // Only the 3 items with name, phone and e-mail skip the model.
            assertThat(ollama.chatBodies()).hasSize(10);
            assertThat(events.count("enriched:auto:llm")).isEqualTo(10);
            assertThat(store.byName("서울맛집 한식당")).satisfies(d -> {
                assertThat(d.extractionMethod()).isEqualTo("selector");
                assertThat(d.emailStatus()).isEqualTo("valid");
                assertThat(d.phoneStatus()).isEqualTo("valid");
            });
            assertThat(store.byName("명동 분식").extractionMethod()).isEqualTo("heuristic");
            assertThat(store.byName("명동 분식").emailStatus()).isEqualTo("invalid");
            assertThat(store.byName("강남 치킨 하우스").extractionMethod()).isEqualTo("llm");
            assertThat(events.count("verified:email:valid")).isEqualTo(1);
        }
    }

    @Test
    void aCancelArrivingMidPageStopsBeforeTheNextItemAndKeepsTheItemsRead() throws Exception {
        // The store sees a page's drafts together, so the cancel arrives after the third check past the fetch.
        JobControl control = new Control(Integer.MAX_VALUE) {
            private int checksAfterFetch;

            @Override
            public boolean isCancelled() {
                if (site.requestedPaths().contains("/seoul/food/index.html")) {
                    checksAfterFetch++;
                }
                return checksAfterFetch > 3;
            }
        };
        JobCounts counts = runner(true).run(JOB, source(site.startUrl(), 10), control);
        assertThat(counts.pagesFetched()).isEqualTo(1);
        assertThat(counts.newLeads()).as("the items read before the cancel are stored").isPositive();
        assertThat(counts.newLeads() + counts.errors()).as("page 1 has 5 items: the run stopped within it")
                .isLessThan(5);
        assertThat(store.received()).hasSize(counts.newLeads());
        assertThat(site.requestedPaths()).contains("/seoul/food/index.html").doesNotContain("/seoul/food/page2.html");
    }

    @Test
    void anItemTheStoreRefusesIsOneErrorAndThePageGoesOn() throws Exception {
        com.krleads.scraper.core.lead.LeadStore refusing = (sourceId, draft) -> {
            if ("명동 분식".equals(draft.companyName())) {
                throw new com.krleads.scraper.core.lead.ItemRejectedException("the database refused the item", null);
            }
            return store.store(sourceId, draft);
        };
        ScraperConfig config = TestConfigs.scraper(true);
        PageFetcher fetcher = new PageFetcher(config, new UrlGuard(true)::resolve, PageFetcher.Sleeper.REAL);
        LeadAssembler assembler = new LeadAssembler(new Enricher(EnrichmentMode.OFF, null, events), null);
        JobCounts counts = new ScrapeJobRunner(fetcher, assembler, refusing, events,
                ScrapeJobRunner.Bounds.deadline(Duration.ofMinutes(1)))
                .run(JOB, source(site.startUrl(), 10), new Control(Integer.MAX_VALUE));

        assertThat(counts).isEqualTo(new JobCounts(3, 9, 1, 3));
        assertThat(store.leads()).extracting(LeadDraft::companyName).doesNotContain("명동 분식").contains("인천 바다횟집");
    }

    @Test
    void aPrivateNextPageEndsPaginationWithTheReasonRecorded() throws Exception {
        site.serve("/hostile/list.html", "text/html; charset=UTF-8",
                new com.krleads.scraper.testing.ListingPage()
                        .add(com.krleads.scraper.testing.ListingPage.Item.named("첫째 식당", "02-111-1111"))
                        .next("http://192.168.0.10/list2.html").html());
        UrlGuard strict = new UrlGuard(false);
        UrlGuard permissive = new UrlGuard(true);
        PageFetcher fetcher = new PageFetcher(TestConfigs.scraper(true),
                host -> "127.0.0.1".equals(host) ? permissive.resolve(host) : strict.resolve(host),
                PageFetcher.Sleeper.REAL);
        List<String> reasons = new CopyOnWriteArrayList<>();
        Control control = new Control(Integer.MAX_VALUE) {
            @Override
            public void endedEarly(String reason) {
                reasons.add(reason);
            }
        };
        JobCounts counts = new ScrapeJobRunner(fetcher,
                new LeadAssembler(new Enricher(EnrichmentMode.OFF, null, events), null), store, events,
                ScrapeJobRunner.Bounds.deadline(Duration.ofMinutes(1))).run(JOB, source(site.baseUrl() + "/hostile/list.html", 10), control);

        assertThat(counts).isEqualTo(new JobCounts(1, 1, 0, 0));
        assertThat(reasons).singleElement().asString()
                .startsWith("pagination ended after page 1: the next page http://192.168.0.10/list2.html is refused");
    }
}
