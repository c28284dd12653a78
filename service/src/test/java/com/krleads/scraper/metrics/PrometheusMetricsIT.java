package com.krleads.scraper.metrics;

import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.ERROR_TYPE;
import static com.krleads.metrics.Labels.LE;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.RESULT_TYPE;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_ERRORS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS_IN_PROGRESS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS_ACTIVE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.metrics.app.MetricsTestApplication;
import com.krleads.scraper.metrics.app.MetricsTestConfiguration;
import com.krleads.testing.RequiredTools;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusMetricsIT {
    static final DropwizardAppExtension<MetricsTestConfiguration> APP = new DropwizardAppExtension<>(
            MetricsTestApplication.class, ResourceHelpers.resourceFilePath("metrics-test-app.yml"));
    private static final String SOURCE_NAME = "seoul-restaurants";

    private static final AdminScraper HTTP = new AdminScraper();
    private static ParsedScrape scrape;

    @BeforeAll
    static void sendRequestsAndRunAJob() {
        int port = APP.getLocalPort();
        for (int i = 0; i < 20; i++) {
            assertThat(HTTP.get(port, "/api/jobs/" + i).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(HTTP.get(port, "/no/such/path-" + i).statusCode()).isEqualTo(404);
        }
        for (int i = 0; i < 6; i++) {
            assertThat(HTTP.postJson(port, "/api/items", "{\"name\": \"\"}").statusCode()).isEqualTo(422);
        }
        assertThat(HTTP.get(port, "/api/boom").statusCode()).isEqualTo(500);

        MetricsTestApplication app = APP.getApplication();
        app.queued.set(4);
        app.busyWorkers.set(2);
        PipelineEvents events = app.metrics.events();
        events.jobStarted(SOURCE_NAME);
        for (int i = 0; i < 10; i++) {
            events.itemStored(SOURCE_NAME, ResultType.NEW);
        }
        events.itemStored(SOURCE_NAME, ResultType.UPDATED);
        events.itemStored(SOURCE_NAME, ResultType.UPDATED);
        events.itemStored(SOURCE_NAME, ResultType.ERROR);
        events.jobStopped(SOURCE_NAME);
        events.jobFinished(SOURCE_NAME, JobOutcome.COMPLETED, Duration.ofSeconds(3));

        scrape = HTTP.scrape(APP.getAdminPort());
    }

    @Test
    void everyRequestIsCountedUnderItsRouteTemplate() {
        assertThat(scrape.sum(HTTP_REQUESTS.name())).isEqualTo(37);
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, "/api/jobs/{id}", STATUS, "200")).isEqualTo(20);
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, Labels.UNMATCHED, STATUS, "404")).isEqualTo(10);
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "POST", ENDPOINT, "/api/items", STATUS, "422")).isEqualTo(6);
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, "/api/boom", STATUS, "500")).isEqualTo(1);
        assertThat(scrape.named(HTTP_REQUESTS.name())).filteredOn(series -> series.value() > 0).hasSize(4);
    }

    @Test
    void everyRouteHasItsServerErrorsFromTheStart() {
        String[][] routes = {{"GET", "/api/jobs/{id}"}, {"POST", "/api/items"}, {"GET", "/api/boom"}, {"GET", Labels.UNMATCHED}};
        for (String[] route : routes) {
            assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, route[0], ENDPOINT, route[1], STATUS, "503")).isZero();
        }
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, "/api/jobs/{id}", STATUS, "500")).isZero();
        assertThat(scrape.named(HTTP_REQUESTS.name())).hasSize(4 + 2 * routes.length - 1);
    }

    @Test
    void theExceptionIsAnErrorAndNothingIsLeftInProgress() {
        assertThat(scrape.named(HTTP_ERRORS.name())).singleElement().satisfies(series -> {
            assertThat(series.labels()).containsExactly(
                    java.util.Map.entry(METHOD, "GET"), java.util.Map.entry(ENDPOINT, "/api/boom"),
                    java.util.Map.entry(ERROR_TYPE, "IllegalStateException"));
            assertThat(series.value()).isEqualTo(1);
        });
        assertThat(scrape.named(HTTP_REQUESTS_IN_PROGRESS.name())).hasSize(4)
                .allSatisfy(series -> assertThat(series.value()).isZero());
    }

    @Test
    void durationsAreAHistogramPerRoute() {
        String[] route = {METHOD, "GET", ENDPOINT, "/api/jobs/{id}"};
        assertThat(scrape.value(HTTP_REQUEST_DURATION.count(), route)).isEqualTo(20);
        assertThat(scrape.value(HTTP_REQUEST_DURATION.bucket(), METHOD, "GET", ENDPOINT, "/api/jobs/{id}", LE, "+Inf")).isEqualTo(20);
        assertThat(scrape.value(HTTP_REQUEST_DURATION.sum(), route)).isPositive();
        assertThat(scrape.sum(HTTP_REQUEST_DURATION.count())).isEqualTo(37);
    }

    @Test
    void aCompletedJobShowsInTheScrapingFamilies() {
        assertThat(scrape.value(SCRAPING_JOBS.name(), SOURCE, SOURCE_NAME, STATUS, "completed")).isEqualTo(1);
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, SOURCE_NAME, RESULT_TYPE, "new")).isEqualTo(10);
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, SOURCE_NAME, RESULT_TYPE, "updated")).isEqualTo(2);
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, SOURCE_NAME, RESULT_TYPE, "error")).isEqualTo(1);
        assertThat(scrape.value(SCRAPING_JOBS_ACTIVE.name(), SOURCE, SOURCE_NAME)).isZero();
        assertThat(scrape.value(SCRAPING_JOB_DURATION.sum(), SOURCE, SOURCE_NAME)).isEqualTo(3);
        assertThat(scrape.value(SCRAPING_JOB_DURATION.bucket(), SOURCE, SOURCE_NAME, LE, "1.0")).isZero();
        assertThat(scrape.value(SCRAPING_JOB_DURATION.bucket(), SOURCE, SOURCE_NAME, LE, "5.0")).isEqualTo(1);
    }

    @Test
    void scrapeTimeGaugesReadTheirSources() {
        assertThat(scrape.value(QUEUE_SIZE.name(), QUEUE_NAME, MetricsTestApplication.QUEUE)).isEqualTo(4);
        assertThat(scrape.value(WORKERS_ACTIVE.name(), QUEUE_NAME, MetricsTestApplication.QUEUE)).isEqualTo(2);
        assertThat(scrape.value(HEALTH_CHECK_STATUS.name(), CHECK, "database")).isEqualTo(1);
        assertThat(scrape.value(HEALTH_CHECK_STATUS.name(), CHECK, "deadlocks")).isEqualTo(1);
    }

    @Test
    void everyFamilyIsTypedOnceAndNoSummaryEndsInTotal() {
        Set<String> names = new HashSet<>();
        for (String[] type : scrape.types) {
            assertThat(names.add(type[0])).as("family %s exposed twice", type[0]).isTrue();
            if (type[1].equals("summary")) {
                assertThat(type[0]).doesNotEndWith("_total");
            }
        }
        for (MetricFamily family : MetricCatalog.ALL) {
            assertThat(scrape.types).anySatisfy(type -> {
                assertThat(type[0]).isEqualTo(family.name());
                assertThat(type[1]).isEqualTo(family.type().exposition());
            });
        }
        assertThat(names).contains("jvm_memory_bytes_used", "process_cpu_seconds_total", "jvm_threads_current");
        assertThat(names).anyMatch(name -> name.startsWith("io_dropwizard_jetty_"));
    }

    @Test
    void openMetricsWhenTheScraperAsksForIt() {
        HttpResponse<String> response = HTTP.get(APP.getAdminPort(), "/metrics",
                "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(response.body()).contains("# TYPE http_requests counter").endsWith("# EOF\n");
    }

    @Test
    void dropwizardJsonViewMovedAndStillShowsOurMeters() {
        HttpResponse<String> json = HTTP.get(APP.getAdminPort(), PrometheusMetrics.JSON_PATH);

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(json.body()).contains("http_requests_total{method=\\\"GET\\\",endpoint=\\\"/api/jobs/{id}\\\",status=\\\"200\\\"}");
    }

    @Test
    void promtoolFindsNothingWrongWithOurFamilies() throws Exception {
        Path promtool = RequiredTools.require("promtool", "prometheus");
        String text = HTTP.get(APP.getAdminPort(), "/metrics").body();

        Promtool.Result result = Promtool.checkMetrics(promtool, text);

        Set<String> ours = new HashSet<>();
        MetricCatalog.ALL.forEach(family -> ours.addAll(family.seriesNames()));
        MetricCatalog.SELF.forEach(family -> ours.addAll(family.seriesNames()));
        assertThat(result.problems()).as("promtool output:%n%s", result.output())
                .noneMatch(problem -> ours.stream().anyMatch(problem::startsWith));
        assertThat(result.output()).doesNotContain("error while linting");
    }
}
