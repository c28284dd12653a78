package com.krleads.scraper;

import static com.krleads.metrics.Labels.ACTION;
import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.RESULT_TYPE;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.DUPLICATES_DETECTED;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS_ACTIVE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.LabelValues.DuplicateAction;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.MetricType;
import com.krleads.scraper.api.DuplicateResponse;
import com.krleads.scraper.api.JobResponse;
import com.krleads.scraper.api.LeadResponse;
import com.krleads.scraper.api.PageResponse;
import com.krleads.scraper.metrics.ParsedScrape;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.TestDatabase;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole service in one JVM: the real application (database, queue, workers, pipeline,
 * metrics) scrapes the fixture directory served on loopback. Two sources: the Seoul listing
 * (3 pages, an exact duplicate, two unusable items) and a Busan page with a near duplicate.
 * Run once per database: {@link ScrapingOnH2IT} and {@link ScrapingOnPostgresIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScrapingEndToEnd {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final TestDatabase database;
    private ServiceWithSite service;
    private JobResponse seoulJob;
    private JobResponse busanJob;
    private ParsedScrape scrape;

    ScrapingEndToEnd(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void runBothJobs() throws Exception {
        service = ServiceWithSite.start(database);
        long seoul = createSource("seoul-food", service.site().startUrl());
        long busan = createSource("busan-food", service.site().baseUrl() + "/busan/index.html");
        seoulJob = runJob(seoul);
        busanJob = runJob(busan);
        scrape = service.scrape();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theSeoulJobCompletesWithExactCounts() {
        assertThat(seoulJob.status()).isEqualTo("completed");
        assertThat(seoulJob.pagesFetched()).isEqualTo(3);
        assertThat(seoulJob.results()).isEqualTo(new JobResponse.Results(10, 1, 2));
        assertThat(service.site().requestedPaths()).contains("/robots.txt").noneMatch(path -> path.startsWith("/private/"));
    }

    @Test
    void leadsAreStoredNormalizedAndFindable() throws Exception {
        PageResponse<LeadResponse> all = get("/api/leads?page=1&size=50", new TypeReference<>() { });
        assertThat(all.total()).isEqualTo(12);
        PageResponse<LeadResponse> found = get("/api/leads?q=" + encode("수원"), new TypeReference<>() { });
        assertThat(found.items()).singleElement().satisfies(lead -> {
            assertThat(lead.companyName()).isEqualTo("수원 왕갈비");
            assertThat(lead.phone()).isEqualTo("+82317778888");
        });
    }

    @Test
    void theNearDuplicateIsACandidateForReview() throws Exception {
        assertThat(busanJob.results()).isEqualTo(new JobResponse.Results(2, 0, 0));
        List<DuplicateResponse> open = get("/api/duplicates?status=open", new TypeReference<>() { });
        assertThat(open).singleElement().satisfies(candidate -> {
            assertThat(candidate.similarity()).isGreaterThanOrEqualTo(0.85);
            LeadResponse one = get("/api/leads/" + candidate.leadId(), new TypeReference<>() { });
            LeadResponse other = get("/api/leads/" + candidate.otherLeadId(), new TypeReference<>() { });
            assertThat(List.of(one.companyName(), other.companyName()))
                    .containsExactlyInAnyOrder("해운대 돼지국밥", "해운대돼지국밥 본점");
        });
    }

    @Test
    void theScrapingFamiliesCountExactlyWhatHappened() {
        assertThat(scrape.value(SCRAPING_JOBS.name(), SOURCE, "seoul-food", STATUS, JobOutcome.COMPLETED.label())).isEqualTo(1);
        assertThat(scrape.value(SCRAPING_JOBS.name(), SOURCE, "busan-food", STATUS, JobOutcome.COMPLETED.label())).isEqualTo(1);
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, "seoul-food", RESULT_TYPE, ResultType.NEW.label())).isEqualTo(10);
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, "seoul-food", RESULT_TYPE, ResultType.UPDATED.label())).isEqualTo(1);
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, "seoul-food", RESULT_TYPE, ResultType.ERROR.label())).isEqualTo(2);
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, "busan-food", RESULT_TYPE, ResultType.NEW.label())).isEqualTo(2);
        assertThat(scrape.value(DUPLICATES_DETECTED.name(), ACTION, DuplicateAction.AUTO_MERGE.label())).isEqualTo(1);
        assertThat(scrape.value(DUPLICATES_DETECTED.name(), ACTION, DuplicateAction.CANDIDATE.label())).isEqualTo(1);
        assertThat(scrape.value(SCRAPING_JOB_DURATION.count(), SOURCE, "seoul-food")).isEqualTo(1);
        assertThat(scrape.value(SCRAPING_JOBS_ACTIVE.name(), SOURCE, "seoul-food")).isZero();
        assertThat(scrape.value(QUEUE_JOBS.name(), QUEUE_NAME, "scraping", STATUS, QueueJobStatus.STARTED.label())).isEqualTo(2);
        assertThat(scrape.value(QUEUE_JOBS.name(), QUEUE_NAME, "scraping", STATUS, QueueJobStatus.FINISHED.label())).isEqualTo(2);
        assertThat(scrape.value(QUEUE_SIZE.name(), QUEUE_NAME, "scraping")).isZero();
        assertThat(scrape.value(WORKERS_ACTIVE.name(), QUEUE_NAME, "scraping")).isZero();
        assertThat(scrape.value(HEALTH_CHECK_STATUS.name(), CHECK, "database")).isEqualTo(1);
        assertThat(scrape.value(HEALTH_CHECK_STATUS.name(), CHECK, "queue")).isEqualTo(1);
    }

    @Test
    void theRealScrapeHasNoFamilyTwiceAndNoSummaryNamedTotal() {
        Set<String> names = new HashSet<>();
        for (String[] type : scrape.types) {
            assertThat(names.add(type[0])).as("family %s exposed twice", type[0]).isTrue();
            if (type[1].equals(MetricType.SUMMARY.exposition())) {
                assertThat(type[0]).doesNotEndWith("_total");
            }
        }
        assertThat(names).contains(KnownSeries.JVM_THREADS_CURRENT.name(), KnownSeries.PROCESS_CPU_SECONDS.name());
    }

    private long createSource(String name, String startUrl) throws Exception {
        return service.createSource(java.util.Map.of("name", name, "startUrl", startUrl,
                "selectors", FixtureSite.selectors(), "maxPages", 5, "delayMillis", 0));
    }

    private JobResponse runJob(long sourceId) throws Exception {
        String path = "/api/jobs/" + service.postJob(sourceId);
        return ServiceWithSite.pollUntil(() -> get(path, new TypeReference<JobResponse>() { }),
                job -> job.status().equals("completed") || job.status().equals("failed"));
    }

    private <T> T get(String path, TypeReference<T> type) throws Exception {
        return JSON.readValue(service.get(path), type);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
