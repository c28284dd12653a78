package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.BACKGROUND_TASK_FAILURES;
import static com.krleads.metrics.MetricCatalog.CONTACT_VERIFICATIONS;
import static com.krleads.metrics.MetricCatalog.DUPLICATES_DETECTED;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.METRICS_LABEL_OVERFLOW;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_ENRICHMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.scraper.config.MetricsConfig;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.metrics.bridge.LabelledCounter;
import com.krleads.scraper.metrics.bridge.RegistryCollector;
import com.krleads.scraper.metrics.bridge.Scrapes;
import io.prometheus.client.CollectorRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every child whose labels are known in advance exists at 0 before its first event: the closed
 * label sets at once, a source's children when it is announced, a route's server errors, duration
 * and in-progress children when the route is named. Checked on the exact exposition text.
 */
class SeriesBornAtZeroTest {
    private ServiceMetrics metrics;
    private CollectorRegistry registry;

    @BeforeEach
    void freshRegistries() {
        metrics = new ServiceMetrics(new MetricRegistry());
        registry = new CollectorRegistry(true);
        new RegistryCollector(metrics.families(), () -> { }).register(registry);
    }

    @Test
    void closedLabelSetsExistAtZeroFromTheStart() {
        new MetricsPipelineEvents(metrics, true, 10);

        assertThat(Scrapes.text(registry, MetricCatalog.QUEUE_JOBS, MetricCatalog.DUPLICATES_DETECTED)).isEqualTo("""
                # HELP duplicates_detected_total Duplicate leads found: merged automatically or stored as candidates.
                # TYPE duplicates_detected_total counter
                duplicates_detected_total{action="auto_merge",} 0.0
                duplicates_detected_total{action="candidate",} 0.0
                # HELP queue_jobs_total Queue jobs taken by this process's workers, by what happened to them.
                # TYPE queue_jobs_total counter
                queue_jobs_total{queue_name="scraping",status="failed",} 0.0
                queue_jobs_total{queue_name="scraping",status="finished",} 0.0
                queue_jobs_total{queue_name="scraping",status="started",} 0.0
                """);
        assertThat(metrics.counters(SMART_SCRAPER_ENRICHMENTS).size()).isEqualTo(6);
        assertThat(metrics.counters(CONTACT_VERIFICATIONS).size()).isEqualTo(6);
        assertThat(metrics.counters(METRICS_LABEL_OVERFLOW).size()).as("one per family with a source label").isEqualTo(7);
        assertThat(metrics.counters(BACKGROUND_TASK_FAILURES).size()).as("one per background task").isEqualTo(4);
        assertThat(allCounters()).allSatisfy(counter -> assertThat(counter.getCount()).isZero());
    }

    @Test
    void anAnnouncedSourceHasItsSeriesAtZeroBeforeItsFirstJob() {
        PipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);

        events.sourceKnown("seoul");

        assertThat(Scrapes.text(registry, MetricCatalog.SCRAPING_JOBS, MetricCatalog.SCRAPING_RESULTS,
                MetricCatalog.SCRAPING_DECODE_REPLACEMENTS, MetricCatalog.SCRAPING_JOBS_ACTIVE)).isEqualTo("""
                # HELP scraping_jobs_total Scraping jobs that ended, by outcome.
                # TYPE scraping_jobs_total counter
                scraping_jobs_total{source="seoul",status="cancelled",} 0.0
                scraping_jobs_total{source="seoul",status="completed",} 0.0
                scraping_jobs_total{source="seoul",status="failed",} 0.0
                # HELP scraping_results_total Items extracted by scraping jobs, by what became of them.
                # TYPE scraping_results_total counter
                scraping_results_total{source="seoul",result_type="error",} 0.0
                scraping_results_total{source="seoul",result_type="new",} 0.0
                scraping_results_total{source="seoul",result_type="updated",} 0.0
                # HELP scraping_jobs_active Scraping jobs running right now in this process.
                # TYPE scraping_jobs_active gauge
                scraping_jobs_active{source="seoul",} 0.0
                # HELP scraping_decode_replacements_total Characters of fetched pages replaced by U+FFFD because their bytes are not valid in the page's encoding.
                # TYPE scraping_decode_replacements_total counter
                scraping_decode_replacements_total{source="seoul",} 0.0
                """);
        assertThat(metrics.histograms(SCRAPING_JOB_DURATION).labels("seoul").getCount()).isZero();
        assertThat(seriesOf("seoul")).as("series per source").isEqualTo(SERIES_PER_SOURCE);

        events.jobStarted("seoul");
        events.jobFinished("seoul", JobOutcome.COMPLETED, Duration.ofMillis(700));
        events.jobStopped("seoul");
        events.sourceKnown("seoul");

        assertThat(metrics.counters(SCRAPING_JOBS).labels("seoul", "completed").getCount()).isEqualTo(1);
        assertThat(seriesOf("seoul")).as("announcing again adds nothing").isEqualTo(SERIES_PER_SOURCE);
    }

    /**
     * 3 outcomes, 3 result types, 1 decode counter, 1 active gauge, 11 buckets + +Inf + _sum +
     * _count, 1 count of items found and 7 of the items' fields.
     */
    static final int SERIES_PER_SOURCE = 3 + 3 + 1 + 1 + 14 + 1 + 7;

    @Test
    void sourcesPastTheLimitShareOtherAndAnnouncingCountsNoOverflow() {
        PipelineEvents events = new MetricsPipelineEvents(metrics, true, 2);

        for (int round = 0; round < 3; round++) {
            for (String source : List.of("a", "b", "c", "d")) {
                events.sourceKnown(source);
            }
        }

        assertThat(metrics.counters(SCRAPING_JOBS).children()).extracting(child -> child.labelValues().get(0)).containsOnly("a", "b", Labels.OVERFLOW);
        assertThat(metrics.counters(SCRAPING_JOBS).labels(Labels.OVERFLOW, "completed").getCount()).isZero();
        assertThat(metrics.counters(METRICS_LABEL_OVERFLOW).children()).allSatisfy(counter -> assertThat(counter.getCount()).isZero());
    }

    @Test
    void aFailedReadOfTheSourcesIsTriedAgainAtTheNextTick() {
        PipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);
        AtomicInteger reads = new AtomicInteger();
        KnownSources known = new KnownSources(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is down");
            }
            return List.of("daegu");
        }, events, null, Duration.ofSeconds(30));

        known.refresh();
        assertThat(metrics.counters(SCRAPING_JOBS).size()).isZero();
        known.refresh();

        assertThat(seriesOf("daegu")).isEqualTo(SERIES_PER_SOURCE);
    }

    @Test
    void withoutLabelsEverySourceIsAnnouncedAsAll() {
        PipelineEvents events = new MetricsPipelineEvents(metrics, false, 10);

        events.sourceKnown("seoul");
        events.sourceKnown("busan");

        assertThat(seriesOf(Labels.COLLAPSED)).isEqualTo(SERIES_PER_SOURCE);
        assertThat(metrics.counters(SCRAPING_JOBS).size()).isEqualTo(3);
    }

    @Test
    void aNamedRouteHasItsServerErrorsDurationAndInProgressAtZero() {
        HttpMetrics http = new HttpMetrics(metrics, true);

        http.route("GET", "/api/jobs/{id}");

        assertThat(Scrapes.text(registry, MetricCatalog.HTTP_REQUESTS, MetricCatalog.HTTP_REQUESTS_IN_PROGRESS)).isEqualTo("""
                # HELP http_requests_total HTTP requests handled on the application port.
                # TYPE http_requests_total counter
                http_requests_total{method="GET",endpoint="/api/jobs/{id}",status="500",} 0.0
                http_requests_total{method="GET",endpoint="/api/jobs/{id}",status="503",} 0.0
                # HELP http_requests_in_progress HTTP requests being handled right now.
                # TYPE http_requests_in_progress gauge
                http_requests_in_progress{method="GET",endpoint="/api/jobs/{id}",} 0.0
                """);
        assertThat(metrics.histograms(HTTP_REQUEST_DURATION).labels("GET", "/api/jobs/{id}").getCount()).isZero();
        assertThat(routeSeries()).as("series per route").isEqualTo(SERIES_PER_ROUTE);

        http.route("GET", "/api/jobs/{id}").finished(503, 1_000_000);

        assertThat(metrics.counters(HTTP_REQUESTS).labels("GET", "/api/jobs/{id}", "503").getCount()).isEqualTo(1);
        assertThat(routeSeries()).isEqualTo(SERIES_PER_ROUTE);
    }

    /** 500 and 503, 1 in-progress gauge, 11 buckets + +Inf + _sum + _count. */
    static final int SERIES_PER_ROUTE = 2 + 1 + 14;

    @Test
    void theBuildIsExportedOnceWithValueOne() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        PrometheusMetrics installed = PrometheusMetrics.create(new MetricsConfig(), new MetricRegistry(),
                new HealthCheckRegistry(), pool);
        pool.shutdown();
        BuildInfo build = BuildInfo.current();

        assertThat(build.version()).as("Maven filtered the project version in").matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Scrapes.text(installed.collectorRegistry(), MetricCatalog.BUILD_INFO)).isEqualTo("""
                # HELP build_info Always 1; its labels name the version and source revision of the running build.
                # TYPE build_info gauge
                build_info{version="%s",revision="%s",} 1.0
                """.formatted(build.version(), build.revision()));
    }

    @Test
    void anUnfilteredBuildFileReadsAsUnknown() {
        assertThat(BuildInfo.filtered("${project.version}")).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(BuildInfo.filtered(null)).isEqualTo(BuildInfo.UNKNOWN);
        assertThat(BuildInfo.filtered("0.1.0")).isEqualTo("0.1.0");
    }

    private int seriesOf(String source) {
        AtomicInteger count = new AtomicInteger();
        Scrapes.text(registry, MetricCatalog.SCRAPING_JOBS, MetricCatalog.SCRAPING_RESULTS,
                MetricCatalog.SCRAPING_DECODE_REPLACEMENTS, MetricCatalog.SCRAPING_JOBS_ACTIVE,
                MetricCatalog.SCRAPING_JOB_DURATION, MetricCatalog.SCRAPING_ITEMS_FOUND,
                MetricCatalog.SCRAPING_ITEM_FIELDS).lines()
                .filter(line -> line.contains("source=\"" + source + "\"")).forEach(line -> count.incrementAndGet());
        return count.get();
    }

    private int routeSeries() {
        return (int) Scrapes.text(registry, MetricCatalog.HTTP_REQUESTS, MetricCatalog.HTTP_REQUESTS_IN_PROGRESS,
                MetricCatalog.HTTP_REQUEST_DURATION).lines().filter(line -> !line.startsWith("#")).count();
    }

    private List<LabelledCounter> allCounters() {
        return List.of(QUEUE_JOBS, DUPLICATES_DETECTED, SMART_SCRAPER_ENRICHMENTS, CONTACT_VERIFICATIONS, METRICS_LABEL_OVERFLOW,
                        BACKGROUND_TASK_FAILURES)
                .stream().flatMap(family -> metrics.counters(family).children().stream()).toList();
    }
}
