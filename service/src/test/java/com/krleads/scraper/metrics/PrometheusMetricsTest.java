package com.krleads.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.krleads.metrics.MetricCatalog;
import com.krleads.scraper.config.MetricsConfig;
import com.krleads.scraper.metrics.bridge.Scrapes;
import io.prometheus.client.CollectorRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PrometheusMetricsTest {
    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void multiprocessDirectoryIsExplainedOnceAndOnlyWhenSet() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PrometheusMetrics.class);
        logger.addAppender(logs);
        try {
            MetricsConfig config = new MetricsConfig();
            PrometheusMetrics.noteMultiprocessDir(config);
            assertThat(logs.list).isEmpty();

            config.multiprocDir = "prometheus-multiproc";
            PrometheusMetrics.noteMultiprocessDir(config);
            assertThat(logs.list).singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage()).contains("not needed", "prometheus-multiproc"));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void eachApplicationHasItsOwnCollectorRegistry() {
        MetricsConfig config = new MetricsConfig();
        PrometheusMetrics first = PrometheusMetrics.create(config, new MetricRegistry(), new HealthCheckRegistry(), POOL);
        PrometheusMetrics second = PrometheusMetrics.create(config, new MetricRegistry(), new HealthCheckRegistry(), POOL);

        first.http().route("GET", "/api/jobs/{id}").finished(200, 1_000_000);

        assertThat(first.collectorRegistry()).isNotSameAs(second.collectorRegistry())
                .isNotSameAs(CollectorRegistry.defaultRegistry);
        String name = MetricCatalog.HTTP_REQUESTS.name();
        assertThat(Scrapes.text(first.collectorRegistry(), MetricCatalog.HTTP_REQUESTS)).contains(name + "{");
        assertThat(Scrapes.text(second.collectorRegistry(), MetricCatalog.HTTP_REQUESTS)).doesNotContain(name + "{");
    }

    @Test
    void scrapeTimeGaugesAreReadAtEachScrape() {
        PrometheusMetrics metrics = PrometheusMetrics.create(new MetricsConfig(), new MetricRegistry(), new HealthCheckRegistry(), POOL);
        long[] queued = {3};
        metrics.queueSize("scraping", () -> queued[0]);

        assertThat(Scrapes.text(metrics.collectorRegistry(), MetricCatalog.QUEUE_SIZE)).contains("queue_size{queue_name=\"scraping\",} 3.0");
        queued[0] = 8;
        assertThat(Scrapes.text(metrics.collectorRegistry(), MetricCatalog.QUEUE_SIZE)).contains("queue_size{queue_name=\"scraping\",} 8.0");

        metrics.queueSizes(name -> name.length(), "enrichment", "verification");
        assertThat(Scrapes.text(metrics.collectorRegistry(), MetricCatalog.QUEUE_SIZE))
                .contains("queue_size{queue_name=\"enrichment\",} 10.0", "queue_size{queue_name=\"verification\",} 12.0");
    }

    @Test
    void aGaugeWhoseSourceFailsIsNaNAndTheScrapeGoesOn() {
        PrometheusMetrics metrics = PrometheusMetrics.create(new MetricsConfig(), new MetricRegistry(), new HealthCheckRegistry(), POOL);
        boolean[] databaseDown = {true};
        metrics.queueSize("scraping", () -> {
            if (databaseDown[0]) {
                throw new IllegalStateException("connection refused");
            }
            return 2;
        });
        metrics.workersActive("scraping", () -> 1);

        String scrape = Scrapes.text(metrics.collectorRegistry(), MetricCatalog.QUEUE_SIZE, MetricCatalog.WORKERS_ACTIVE);
        assertThat(scrape).contains("queue_size{queue_name=\"scraping\",} NaN", "workers_active{queue_name=\"scraping\",} 1.0");
        databaseDown[0] = false;
        assertThat(Scrapes.text(metrics.collectorRegistry(), MetricCatalog.QUEUE_SIZE)).contains("queue_size{queue_name=\"scraping\",} 2.0");
    }
}
