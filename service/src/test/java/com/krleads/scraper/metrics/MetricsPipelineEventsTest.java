package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.BACKGROUND_TASK_FAILURES;
import static com.krleads.metrics.MetricCatalog.DUPLICATES_DETECTED;
import static com.krleads.metrics.MetricCatalog.METRICS_LABEL_OVERFLOW;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS_ACTIVE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_DURATION;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_ENRICHMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.metrics.LabelValues.DuplicateAction;
import com.krleads.metrics.LabelValues.EnrichmentMethod;
import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.Labels;
import com.krleads.scraper.metrics.bridge.LabelledCounter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsPipelineEventsTest {
    private final ServiceMetrics metrics = new ServiceMetrics(new MetricRegistry());

    @Test
    void aCompletedJobUpdatesItsFamilies() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);

        events.jobStarted("seoul");
        assertThat(metrics.gauges(SCRAPING_JOBS_ACTIVE).labels("seoul").value()).isEqualTo(1);
        events.itemStored("seoul", ResultType.NEW);
        events.itemStored("seoul", ResultType.NEW);
        events.itemStored("seoul", ResultType.UPDATED);
        events.duplicateDetected(DuplicateAction.CANDIDATE);
        events.enriched(EnrichmentMode.AUTO, EnrichmentMethod.HEURISTIC, Duration.ofMillis(30));
        events.queueJob("scraping", QueueJobStatus.FINISHED);
        events.jobFinished("seoul", JobOutcome.COMPLETED, Duration.ofSeconds(12));
        assertThat(metrics.gauges(SCRAPING_JOBS_ACTIVE).labels("seoul").value()).isEqualTo(1);
        events.jobStopped("seoul");

        assertThat(metrics.gauges(SCRAPING_JOBS_ACTIVE).labels("seoul").value()).isZero();
        assertThat(metrics.counters(SCRAPING_JOBS).labels("seoul", JobOutcome.COMPLETED.label()).getCount()).isEqualTo(1);
        assertThat(metrics.counters(SCRAPING_RESULTS).labels("seoul", ResultType.NEW.label()).getCount()).isEqualTo(2);
        assertThat(metrics.counters(SCRAPING_RESULTS).labels("seoul", ResultType.UPDATED.label()).getCount()).isEqualTo(1);
        assertThat(metrics.histograms(SCRAPING_JOB_DURATION).labels("seoul").sum()).isEqualTo(12.0);
        assertThat(metrics.counters(DUPLICATES_DETECTED).labels(DuplicateAction.CANDIDATE.label()).getCount()).isEqualTo(1);
        assertThat(metrics.counters(SMART_SCRAPER_ENRICHMENTS).labels("auto", "heuristic").getCount()).isEqualTo(1);
        assertThat(metrics.histograms(SMART_SCRAPER_DURATION).labels("heuristic").getCount()).isEqualTo(1);
        assertThat(metrics.counters(QUEUE_JOBS).labels("scraping", "finished").getCount()).isEqualTo(1);
    }

    @Test
    void everyBackgroundTaskIsBornAtZeroAndCountsItsFailures() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);
        assertThat(metrics.counters(BACKGROUND_TASK_FAILURES).size()).isEqualTo(BackgroundTask.values().length);
        for (BackgroundTask task : BackgroundTask.values()) {
            assertThat(metrics.counters(BACKGROUND_TASK_FAILURES).labels(task.label()).getCount()).isZero();
        }

        events.backgroundTaskFailed(BackgroundTask.LEASE_HEARTBEAT);

        assertThat(metrics.counters(BACKGROUND_TASK_FAILURES).labels("lease_heartbeat").getCount()).isEqualTo(1);
        assertThat(metrics.counters(BACKGROUND_TASK_FAILURES).labels("worker").getCount()).isZero();
    }

    @Test
    void sourcesPastTheLimitBecomeOtherAndAreCountedOnce() {
        int limit = 50;
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, limit);

        for (int i = 0; i < 1_000; i++) {
            events.itemStored("source-" + i, ResultType.NEW);
        }
        events.itemStored("source-3", ResultType.NEW);

        assertThat(metrics.counters(SCRAPING_RESULTS).size()).isEqualTo(limit + 1);
        assertThat(metrics.counters(SCRAPING_RESULTS).labels(Labels.OVERFLOW, "new").getCount()).isEqualTo(950);
        assertThat(metrics.counters(SCRAPING_RESULTS).labels("source-3", "new").getCount()).isEqualTo(2);
        assertThat(metrics.counters(METRICS_LABEL_OVERFLOW).labels(metrics.counters(SCRAPING_RESULTS).family().name()).getCount()).isEqualTo(950);
    }

    @Test
    void withoutLabelsEverySourceIsAll() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, false, 10);

        events.jobStarted("seoul");
        events.jobStopped("seoul");
        events.jobFinished("busan", JobOutcome.FAILED, Duration.ofSeconds(1));
        events.itemStored("daegu", ResultType.ERROR);

        assertThat(metrics.counters(SCRAPING_JOBS).children()).extracting(LabelledCounter::labelValues)
                .containsOnly(java.util.List.of(Labels.COLLAPSED, "completed"), java.util.List.of(Labels.COLLAPSED, "failed"),
                        java.util.List.of(Labels.COLLAPSED, "cancelled"));
        assertThat(metrics.counters(SCRAPING_JOBS).labels(Labels.COLLAPSED, "failed").getCount()).isEqualTo(1);
        assertThat(metrics.counters(SCRAPING_RESULTS).children()).extracting(LabelledCounter::labelValues)
                .containsOnly(java.util.List.of(Labels.COLLAPSED, "new"), java.util.List.of(Labels.COLLAPSED, "updated"),
                        java.util.List.of(Labels.COLLAPSED, "error"));
        assertThat(metrics.counters(SCRAPING_RESULTS).labels(Labels.COLLAPSED, "error").getCount()).isEqualTo(1);
        assertThat(metrics.gauges(SCRAPING_JOBS_ACTIVE).labels(Labels.COLLAPSED).value()).isZero();
    }

    @Test
    void aSourcesCountersStartAtZeroWhenItsFirstJobStarts() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);

        events.jobStarted("seoul");

        assertThat(metrics.counters(SCRAPING_JOBS).children()).extracting(LabelledCounter::labelValues).containsExactlyInAnyOrder(
                java.util.List.of("seoul", "completed"), java.util.List.of("seoul", "failed"),
                java.util.List.of("seoul", "cancelled"));
        assertThat(metrics.counters(SCRAPING_JOBS).children()).allSatisfy(c -> assertThat(c.getCount()).isZero());
        assertThat(metrics.counters(SCRAPING_RESULTS).children()).extracting(LabelledCounter::labelValues).containsExactlyInAnyOrder(
                java.util.List.of("seoul", "new"), java.util.List.of("seoul", "updated"), java.util.List.of("seoul", "error"));
        assertThat(metrics.counters(SCRAPING_RESULTS).children()).allSatisfy(c -> assertThat(c.getCount()).isZero());
    }
}
