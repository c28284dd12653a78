package com.krleads.scraper.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.scraper.config.EnrichmentConfig;
import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.core.enrich.Enricher;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadColumns;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.core.scrape.LeadAssembler;
import com.krleads.scraper.core.scrape.PageFetcher;
import com.krleads.scraper.core.scrape.RobotsRules;
import com.krleads.scraper.core.scrape.ScrapeJobRunner;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.core.verify.ContactVerifier;
import com.krleads.scraper.core.verify.JndiMxLookup;
import com.krleads.scraper.db.JdbiLeadStore;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.LeadDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.ListingPage.Item;
import com.krleads.scraper.testing.ListingPage;
import com.krleads.scraper.testing.LoopbackDns;
import com.krleads.scraper.testing.RecordingEvents;
import com.krleads.scraper.testing.TestConfigs;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real pipeline in a worker pool on each database, against pages built to hurt: each job
 * must end, in bounded time, with the other items stored. The bound (30 s) is a hang guard, far
 * above what each case takes; the figures are printed for the closing note.
 */
class HostileInputIT {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String ITEM_PATH = "/hostile/list.html";

    private final RecordingEvents events = new RecordingEvents();
    private final List<Duration> dnsWaits = new java.util.concurrent.CopyOnWriteArrayList<>();
    private FixtureSite site;
    private WorkerPool pool;
    private Jdbi jdbi;
    private JobQueue queue;
    private ScraperConfig scraper;
    private VerificationConfig verification;

    @BeforeEach
    void startSite() throws Exception {
        site = FixtureSite.start();
        scraper = TestConfigs.scraper(true);
        // A loaded build machine can take longer than the unit tests' 400 ms to serve a page.
        scraper.readTimeout = io.dropwizard.util.Duration.seconds(5);
        verification = new VerificationConfig();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (pool != null) {
            pool.stop();
        }
        site.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBacktrackingRobotsRuleNoLongerFreezesTheWorker(TestDatabase db) throws Exception {
        String sixtyAs = "/" + "a".repeat(60);
        site.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /" + "*a".repeat(40) + "*b\n");
        site.serve(sixtyAs, "text/html; charset=UTF-8", threeItems().html());

        Outcome outcome = runJob(db, site.baseUrl() + sixtyAs, 0);

        assertThat(outcome.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(outcome.leads()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHugeItemTextCostsTheHeuristicsNoMoreThanAShortOne(TestDatabase db) throws Exception {
        // 200,000 letters without an '@': the e-mail pattern retried from every position is quadratic.
        ListingPage page = threeItems().add(new Item("긴 본문 식당", "한식", "x".repeat(200_000), null, null, null));
        site.serve(ITEM_PATH, "text/html; charset=UTF-8", page.html());

        Outcome outcome = runJob(db, site.baseUrl() + ITEM_PATH, 0);

        assertThat(outcome.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(outcome.leads()).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aResolverThatNeverAnswersCostsOneBudgetNotOneTimeoutPerDomain(TestDatabase db) throws Exception {
        ListingPage page = new ListingPage();
        for (int i = 0; i < 20; i++) {
            page.add(new Item("메일 가게 " + i, "한식", "서울 중구 " + i, String.format("02-555-%04d", i),
                    "info@shop" + i + ".co.kr", null));
        }
        site.serve(ITEM_PATH, "text/html; charset=UTF-8", page.html());
        try (LoopbackDns silent = LoopbackDns.silent()) {
            verification.enabled = true;
            verification.dnsServerUrl = silent.url();
            verification.dnsTimeout = io.dropwizard.util.Duration.seconds(1);
            verification.jobBudget = io.dropwizard.util.Duration.seconds(2);

            Outcome outcome = runJob(db, site.baseUrl() + ITEM_PATH, 0);

            assertThat(outcome.job().status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(outcome.leads()).hasSize(20).allSatisfy(lead -> assertThat(lead.emailStatus()).isEqualTo("unknown"));
            // One timeout per distinct domain, one after the other, would be 20 s of waiting.
            assertThat(dnsWaits).isNotEmpty().hasSizeLessThan(20);
            assertThat(dnsWaits.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(2000);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oversizedFieldsAndControlCharactersAreCleanedAndEveryItemIsStored(TestDatabase db) throws Exception {
        ListingPage page = threeItems()
                .add(new Item("긴 분류 식당", "분".repeat(300), "서울 중구 1", "02-777-0001", null, null))
                .add(new Item("이름".repeat(300), "한식", "서울 중구 2", "02-777-0002", null, null))
                .add(new Item("긴 도메인 식당", "한식", "서울 중구 3", "02-777-0003", null,
                        "http://" + "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "."
                                + "d".repeat(60) + "." + "e".repeat(60) + ".co.kr/"))
                .add(new Item("긴 주소 식당", "한식", "서울 중구 " + "세종대로".repeat(300), "02-777-0004", null, null))
                .add(new Item("널\u0000문자\u0001식당", "한식", "서울 중구 5", "02-777-0005", null, null));
        site.serve(ITEM_PATH, "text/html; charset=UTF-8", page.html());

        Outcome outcome = runJob(db, site.baseUrl() + ITEM_PATH, 0);

        assertThat(outcome.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(outcome.job().counts().errors()).isZero();
        assertThat(outcome.leads()).hasSize(8).allSatisfy(lead -> {
            assertThat(lead.companyName()).hasSizeLessThanOrEqualTo(LeadColumns.COMPANY_NAME).doesNotContain("\u0000");
            assertThat(lead.category()).hasSizeLessThanOrEqualTo(LeadColumns.CATEGORY);
            assertThat(lead.address()).hasSizeLessThanOrEqualTo(LeadColumns.ADDRESS);
        });
        assertThat(outcome.leads()).extracting(Lead::companyName).contains("널문자식당", "긴 도메인 식당");
        assertThat(outcome.leads()).filteredOn(lead -> "긴 도메인 식당".equals(lead.companyName()))
                .singleElement().satisfies(lead -> assertThat(lead.website()).isNull());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPrivateNextPageLinkEndsPaginationWithItsReason(TestDatabase db) throws Exception {
        site.serve(ITEM_PATH, "text/html; charset=UTF-8", threeItems().next("http://10.0.0.1/list2.html").html());
        Outcome outcome = runJob(db, site.baseUrl() + ITEM_PATH, 0, guardRefusingAllButThisSite());

        assertThat(outcome.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(outcome.job().counts().pagesFetched()).isEqualTo(1);
        assertThat(outcome.job().errorMessage()).startsWith("pagination ended after page 1: the next page "
                + "http://10.0.0.1/list2.html is refused");
        assertThat(outcome.leads()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRobotsTxtOverTheLimitIsReadUpToTheLimit(TestDatabase db) throws Exception {
        StringBuilder robots = new StringBuilder("User-agent: *\nDisallow: /private/\n");
        while (robots.length() < RobotsRules.MAX_BYTES + 100 * 1024) {
            robots.append("# ").append("padding ".repeat(10)).append('\n');
        }
        robots.append("Disallow: /hostile/\n");
        site.serve("/robots.txt", "text/plain; charset=UTF-8", robots.toString());
        site.serve(ITEM_PATH, "text/html; charset=UTF-8", threeItems().next("/private/start.html").html());

        Outcome outcome = runJob(db, site.baseUrl() + ITEM_PATH, 0);

        assertThat(outcome.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(outcome.leads()).hasSize(3);
        assertThat(outcome.job().errorMessage()).contains("robots.txt does not allow the next page");
        assertThat(site.requestedPaths()).doesNotContain("/private/start.html");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aJobPastItsDeadlineFailsAtOnceAndKeepsWhatItStored(TestDatabase db) throws Exception {
        scraper.jobTimeout = io.dropwizard.util.Duration.milliseconds(1000);
        Outcome outcome = runJob(db, site.startUrl(), 400);

        assertThat(outcome.job().status()).isEqualTo(JobStatus.FAILED);
        assertThat(outcome.job().attempts()).isEqualTo(1);
        assertThat(outcome.job().errorMessage()).startsWith("stopped at the job deadline of 1 s after");
        assertThat(outcome.job().counts().pagesFetched()).isLessThan(3);
        assertThat(outcome.leads()).hasSize(outcome.job().counts().newLeads());
        assertThat(site.count("/seoul/food/page3.html")).isLessThanOrEqualTo(1);
    }

    private static ListingPage threeItems() {
        return new ListingPage()
                .add(Item.named("첫째 식당", "02-111-1111"))
                .add(Item.named("둘째 식당", "02-222-2222"))
                .add(Item.named("셋째 식당", "02-333-3333"));
    }

    /** Loopback (the fixture site) is allowed; every other address goes through the strict guard. */
    private static PageFetcher.HostCheck guardRefusingAllButThisSite() {
        UrlGuard strict = new UrlGuard(false);
        UrlGuard permissive = new UrlGuard(true);
        return host -> "127.0.0.1".equals(host) ? permissive.resolve(host) : strict.resolve(host);
    }

    private record Outcome(Job job, List<Lead> leads, Duration elapsed) {
    }

    private Outcome runJob(TestDatabase db, String startUrl, long delayMillis) throws Exception {
        return runJob(db, startUrl, delayMillis, new UrlGuard(true)::resolve);
    }

    private Outcome runJob(TestDatabase db, String startUrl, long delayMillis,
                           PageFetcher.HostCheck check) throws Exception {
        jdbi = db.freshJdbi();
        queue = new JobQueue(jdbi, Clock.systemUTC(), 3, Duration.ofMillis(20));
        Instant now = Instant.now();
        long sourceId = jdbi.onDemand(SourceDao.class).insert(new Source(0, "hostile", startUrl,
                FixtureSite.selectors(), 5, delayMillis, true, now, now)).id();
        ScrapeJobRunner runner = runner(check);
        pool = new WorkerPool(queue, jdbi.onDemand(SourceDao.class), runner, events,
                new WorkerPool.Settings(JobQueue.SCRAPING, 1, Duration.ofMillis(25), Duration.ofSeconds(5),
                        Duration.ofSeconds(2)));
        long jobId = queue.enqueue(sourceId, JobQueue.SCRAPING).id();
        long started = System.nanoTime();
        pool.start();
        JobDao jobs = jdbi.onDemand(JobDao.class);
        Job job = jobs.findById(jobId).orElseThrow();
        while (!job.status().isFinal()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("job still %s", job.status()).isLessThan(BOUND);
            TimeUnit.MILLISECONDS.sleep(20);
            job = jobs.findById(jobId).orElseThrow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        List<Lead> leads = jdbi.withHandle(h -> h.createQuery("SELECT * FROM leads ORDER BY id")
                .map(new LeadDao.LeadMapper()).list());
        System.out.printf("%s on %s: %s in %d ms, %d leads stored, counts %s, message %s%n",
                startUrl.length() > 60 ? startUrl.substring(0, 60) + "..." : startUrl, db, job.status().value(),
                elapsed.toMillis(), leads.size(), job.counts(), job.errorMessage());
        return new Outcome(job, leads, elapsed);
    }

    private ScrapeJobRunner runner(PageFetcher.HostCheck check) {
        PageFetcher fetcher = new PageFetcher(
                scraper, check, PageFetcher.Sleeper.REAL);
        EnrichmentConfig enrichment = new EnrichmentConfig();
        enrichment.mode = EnrichmentMode.OFF;
        JndiMxLookup dns = new JndiMxLookup(verification.dnsServerUrl);
        ContactVerifier verifier = verification.enabled ? new ContactVerifier((domain, timeout) -> {
            dnsWaits.add(timeout);
            return dns.lookup(domain, timeout);
        }, verification.dnsTimeout.toJavaDuration(), verification.jobBudget.toJavaDuration(), events) : null;
        LeadAssembler assembler = new LeadAssembler(Enricher.create(enrichment, events), verifier);
        return new ScrapeJobRunner(fetcher, assembler, new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85), events,
                ScrapeJobRunner.Bounds.deadline(scraper.jobTimeout.toJavaDuration()));
    }
}
