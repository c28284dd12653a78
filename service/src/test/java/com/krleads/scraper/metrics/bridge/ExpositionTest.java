package com.krleads.scraper.metrics.bridge;

import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS_IN_PROGRESS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricCatalog;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpositionTest {
    private MetricRegistry dropwizard;
    private LabelledFamilies metrics;
    private CollectorRegistry registry;

    @BeforeEach
    void freshRegistries() {
        dropwizard = new MetricRegistry();
        metrics = LabelledFamilies.bind(dropwizard, MetricCatalog.ALL);
        registry = new CollectorRegistry(true);
        new RegistryCollector(metrics.all(), () -> { }).register(registry);
    }

    @Test
    void counterWithAwkwardLabelValues() {
        metrics.counters(HTTP_REQUESTS).labels("GET", "/api/jobs/{id}", "200").inc(3);
        metrics.counters(HTTP_REQUESTS).labels("POST", "a.b/c \"quoted\" \\ back\nline", "422").inc();
        metrics.counters(HTTP_REQUESTS).labels("GET", "/서울/맛집.html", "404").inc();

        assertThat(Scrapes.text(registry, MetricCatalog.HTTP_REQUESTS)).isEqualTo("""
                # HELP http_requests_total HTTP requests handled on the application port.
                # TYPE http_requests_total counter
                http_requests_total{method="GET",endpoint="/api/jobs/{id}",status="200",} 3.0
                http_requests_total{method="GET",endpoint="/서울/맛집.html",status="404",} 1.0
                http_requests_total{method="POST",endpoint="a.b/c \\"quoted\\" \\\\ back\\nline",status="422",} 1.0
                """);
    }

    @Test
    void gaugeWithAwkwardLabelValues() {
        metrics.gauges(QUEUE_SIZE).labels("scraping").readFrom(() -> 7);
        metrics.gauges(QUEUE_SIZE).labels("{braces}.and.dots").inc();
        LabelledGauge upDown = metrics.gauges(QUEUE_SIZE).labels("대기열");
        upDown.inc();
        upDown.inc();
        upDown.dec();

        assertThat(Scrapes.text(registry, MetricCatalog.QUEUE_SIZE)).isEqualTo("""
                # HELP queue_size Jobs waiting in a queue (status queued), read from the database at scrape time.
                # TYPE queue_size gauge
                queue_size{queue_name="scraping",} 7.0
                queue_size{queue_name="{braces}.and.dots",} 1.0
                queue_size{queue_name="대기열",} 1.0
                """);
    }

    @Test
    void histogramWithAwkwardLabelValues() {
        BucketHistogram histogram = metrics.histograms(SCRAPING_JOB_DURATION).labels("seoul \"food\"/강남");
        histogram.observe(0.5);
        histogram.observe(42);
        histogram.observe(7200);

        assertThat(Scrapes.text(registry, MetricCatalog.SCRAPING_JOB_DURATION)).isEqualTo("""
                # HELP scraping_job_duration_seconds Wall time of one scraping job run, in seconds.
                # TYPE scraping_job_duration_seconds histogram
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="1.0",} 1.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="5.0",} 1.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="10.0",} 1.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="30.0",} 1.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="60.0",} 2.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="120.0",} 2.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="300.0",} 2.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="600.0",} 2.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="1200.0",} 2.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="1800.0",} 2.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="3600.0",} 2.0
                scraping_job_duration_seconds_bucket{source="seoul \\"food\\"/강남",le="+Inf",} 3.0
                scraping_job_duration_seconds_count{source="seoul \\"food\\"/강남",} 3.0
                scraping_job_duration_seconds_sum{source="seoul \\"food\\"/강남",} 7242.5
                """);
    }

    @Test
    void childrenAreDropwizardMetricsCarryingTheirLabels() {
        metrics.counters(HTTP_REQUESTS).labels("GET", "/a.b", "200").inc();
        metrics.histograms(HTTP_REQUEST_DURATION).labels("GET", "/a.b").observe(0.2);
        metrics.gauges(HTTP_REQUESTS_IN_PROGRESS).labels("GET", "/a.b").inc();

        assertThat(dropwizard.getCounters()).containsOnlyKeys(
                "http_requests_total{method=\"GET\",endpoint=\"/a.b\",status=\"200\"}");
        assertThat(dropwizard.getCounters().values()).singleElement()
                .isInstanceOfSatisfying(LabelledCounter.class, counter -> {
                    assertThat(counter.family()).isSameAs(MetricCatalog.HTTP_REQUESTS);
                    assertThat(counter.labelValues()).containsExactly("GET", "/a.b", "200");
                });
        assertThat(dropwizard.getHistograms().values()).singleElement()
                .satisfies(histogram -> assertThat(histogram.getCount()).isEqualTo(1));
        assertThat(dropwizard.getGauges().values()).singleElement()
                .satisfies(gauge -> assertThat(gauge.getValue()).isEqualTo(1.0));
    }
}
