package com.krleads.scraper.metrics;

import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.BUILD_INFO;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.QUEUE_OLDEST_JOB_AGE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.db.DatabaseMigrations;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real service: every route and every stored source has its series at 0 at the first scrape,
 * a source created through the API at once, one written by another replica within the re-read
 * interval; the two gauges of the queue's age and the build are exported.
 */
class SeriesBornAtZeroIT {
    private static final AdminScraper HTTP = new AdminScraper();
    /** The API's routes, as named at request time (see HttpMetricsListener). */
    private static final Set<String> API_ROUTES = Set.of(
            "GET /api/sources", "POST /api/sources", "GET /api/sources/{id}", "PUT /api/sources/{id}",
            "DELETE /api/sources/{id}", "POST /api/jobs", "GET /api/jobs", "GET /api/jobs/{id}",
            "POST /api/jobs/{id}/cancel", "GET /api/leads", "GET /api/leads/{id}", "GET /api/duplicates",
            "POST /api/duplicates/{id}/merge", "POST /api/duplicates/{id}/dismiss");
    private static final long REFRESH_MILLIS = 300;
    /** queue_jobs_total 3, duplicates_detected_total 2, enrichments 6, verifications 6, label overflows 5. */
    /** Overflow counters: one per family with a source label, the source-health gauges' guard included. */
    private static final int CLOSED_SETS = 3 + 2 + 6 + 6 + 8 + 4;
    /** Every series of the families whose children are created in advance. */
    private static final Set<String> IN_ADVANCE = Stream.of(HTTP_REQUESTS, HTTP_REQUEST_DURATION,
                    MetricCatalog.HTTP_REQUESTS_IN_PROGRESS, SCRAPING_JOBS, SCRAPING_RESULTS, MetricCatalog.SCRAPING_JOB_DURATION,
                    MetricCatalog.SCRAPING_JOBS_ACTIVE, MetricCatalog.SCRAPING_DECODE_REPLACEMENTS, MetricCatalog.QUEUE_JOBS,
                    MetricCatalog.DUPLICATES_DETECTED, MetricCatalog.SMART_SCRAPER_ENRICHMENTS, MetricCatalog.CONTACT_VERIFICATIONS,
                    MetricCatalog.METRICS_LABEL_OVERFLOW, MetricCatalog.BACKGROUND_TASK_FAILURES,
                    MetricCatalog.SCRAPING_ITEMS_FOUND, MetricCatalog.SCRAPING_ITEM_FIELDS)
            .flatMap(family -> family.seriesNames().stream()).collect(Collectors.toSet());
    private static final String STORED = "stored-before-start";

    private Jdbi jdbi;
    private DropwizardTestSupport<LeadScraperConfiguration> app;

    @BeforeEach
    void startOnAStoredSource() throws Exception {
        DataSourceFactory database = TestDatabase.H2.freshFactory();
        DataSource dataSource = database.build(new com.codahale.metrics.MetricRegistry(), "setup");
        DatabaseMigrations.migrate(dataSource);
        jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        Fixtures.insertSource(jdbi, STORED);
        app = new DropwizardTestSupport<>(LeadScraperApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", database.getUrl()),
                ConfigOverride.config("worker.enabled", "false"),
                ConfigOverride.config("prometheus.sourceRefreshInterval", REFRESH_MILLIS + "ms"));
        app.before();
    }

    @AfterEach
    void stop() {
        app.after();
    }

    @Test
    void everyRouteHasItsSeriesAtZeroBeforeItsFirstRequest() {
        ParsedScrape first = HTTP.scrape(app.getAdminPort());
        Set<String> routes = routes(first);

        assertThat(routes).isEqualTo(new TreeSet<>(API_ROUTES));
        for (String route : routes) {
            String[] methodAndEndpoint = route.split(" ", 2);
            for (String status : List.of("500", "503")) {
                assertThat(first.value(HTTP_REQUESTS.name(), METHOD, methodAndEndpoint[0], ENDPOINT, methodAndEndpoint[1],
                        STATUS, status)).as("%s %s", route, status).isZero();
            }
        }
        assertThat(first.named(HTTP_REQUESTS.name())).hasSize(2 * routes.size());
        long createdInAdvance = first.series.stream().filter(series -> IN_ADVANCE.contains(series.name())).count();
        assertThat(createdInAdvance).as("the count of docs/MONITORING.md: routes x 17 + sources x 30 + 29")
                .isEqualTo(routes.size() * SeriesBornAtZeroTest.SERIES_PER_ROUTE + SeriesBornAtZeroTest.SERIES_PER_SOURCE
                        + CLOSED_SETS);

        int port = app.getLocalPort();
        long id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM sources").mapTo(Long.class).one());
        assertThat(HTTP.get(port, "/api/sources").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(port, "/api/sources/" + id).statusCode()).isEqualTo(200);
        assertThat(HTTP.get(port, "/api/jobs/987654").statusCode()).isEqualTo(404);
        assertThat(HTTP.get(port, "/api/leads?page=1&size=5").statusCode()).isEqualTo(200);
        assertThat(HTTP.postJson(port, "/api/jobs", "{\"sourceId\": " + id + "}").statusCode()).isEqualTo(202);

        ParsedScrape after = HTTP.scrape(app.getAdminPort());
        assertThat(routes(after)).as("a request names no route that was not there at start").isEqualTo(routes);
    }

    @Test
    void everySourceHasItsSeriesAtZeroBeforeItsFirstJob() throws Exception {
        assertAtZero(HTTP.scrape(app.getAdminPort()), STORED);

        String created = "created-through-the-api";
        assertThat(HTTP.postJson(app.getLocalPort(), "/api/sources", sourceJson(created)).statusCode()).isEqualTo(201);
        assertAtZero(HTTP.scrape(app.getAdminPort()), created);

        String elsewhere = "created-through-another-replica";
        Fixtures.insertSource(jdbi, elsewhere);
        long deadline = System.nanoTime() + 20 * REFRESH_MILLIS * 1_000_000L;
        while (HTTP.scrape(app.getAdminPort()).named(SCRAPING_JOBS.name()).stream()
                .noneMatch(series -> elsewhere.equals(series.labels().get(SOURCE)))) {
            assertThat(System.nanoTime()).as("%s never read again", elsewhere).isLessThan(deadline);
            Thread.sleep(REFRESH_MILLIS / 3);
        }
        assertAtZero(HTTP.scrape(app.getAdminPort()), elsewhere);
    }

    @Test
    void theOldestWaitingJobsAgeAndTheBuildAreExported() throws Exception {
        ParsedScrape idle = HTTP.scrape(app.getAdminPort());
        assertThat(idle.value(QUEUE_OLDEST_JOB_AGE.name(), QUEUE_NAME, JobQueue.SCRAPING)).as("none waits").isZero();
        assertThat(idle.named(BUILD_INFO.name())).singleElement().satisfies(series -> {
            assertThat(series.labels().get(Labels.VERSION)).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(series.labels()).containsKey(Labels.REVISION);
            assertThat(series.value()).isEqualTo(1);
        });

        long id = jdbi.withHandle(h -> h.createQuery("SELECT id FROM sources").mapTo(Long.class).one());
        long before = System.nanoTime();
        assertThat(HTTP.postJson(app.getLocalPort(), "/api/jobs", "{\"sourceId\": " + id + "}").statusCode()).isEqualTo(202);
        Thread.sleep(1_200);
        double age = HTTP.scrape(app.getAdminPort()).value(QUEUE_OLDEST_JOB_AGE.name(), QUEUE_NAME, JobQueue.SCRAPING);
        double elapsed = (System.nanoTime() - before) / 1e9;

        assertThat(age).as("the job waits (no worker runs here)").isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(elapsed + 0.01);
    }

    private static void assertAtZero(ParsedScrape scrape, String source) {
        for (String status : List.of("completed", "failed", "cancelled")) {
            assertThat(scrape.value(SCRAPING_JOBS.name(), SOURCE, source, STATUS, status)).as(source + " " + status).isZero();
        }
        for (String result : List.of("new", "updated", "error")) {
            assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, source, Labels.RESULT_TYPE, result)).isZero();
        }
    }

    private static Set<String> routes(ParsedScrape scrape) {
        return scrape.named(HTTP_REQUEST_DURATION.count()).stream()
                .filter(series -> !Labels.UNMATCHED.equals(series.labels().get(ENDPOINT)))
                .map(series -> series.labels().get(METHOD) + " " + series.labels().get(ENDPOINT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String sourceJson(String name) {
        return """
                {"name": "%s", "startUrl": "http://127.0.0.1:9/list.html",
                 "selectors": {"item": ".listing", "name": ".name", "phone": ".tel",
                               "email": "a[href^=mailto]", "website": "a.homepage", "address": ".addr",
                               "category": ".cat", "nextPage": "a.next"},
                 "maxPages": 5, "delayMillis": 500}""".formatted(name);
    }
}
