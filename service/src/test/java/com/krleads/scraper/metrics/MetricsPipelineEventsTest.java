package com.krleads.scraper.metrics;

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
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsPipelineEventsTest {
    private final ServiceMetrics metrics = new ServiceMetrics(new MetricRegistry());

    @Test
    void aCompletedJobUpdatesItsFamilies() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);

        events.jobStarted("seoul");
        assertThat(metrics.scrapingJobsActive.labels("seoul").value()).isEqualTo(1);
        events.itemStored("seoul", ResultType.NEW);
        events.itemStored("seoul", ResultType.NEW);
        events.itemStored("seoul", ResultType.UPDATED);
        events.duplicateDetected(DuplicateAction.CANDIDATE);
        events.enriched(EnrichmentMode.AUTO, EnrichmentMethod.HEURISTIC, Duration.ofMillis(30));
        events.queueJob("scraping", QueueJobStatus.FINISHED);
        events.jobFinished("seoul", JobOutcome.COMPLETED, Duration.ofSeconds(12));
        assertThat(metrics.scrapingJobsActive.labels("seoul").value()).isEqualTo(1);
        events.jobStopped("seoul");

        assertThat(metrics.scrapingJobsActive.labels("seoul").value()).isZero();
        assertThat(metrics.scrapingJobs.labels("seoul", JobOutcome.COMPLETED.label()).getCount()).isEqualTo(1);
        assertThat(metrics.scrapingResults.labels("seoul", ResultType.NEW.label()).getCount()).isEqualTo(2);
        assertThat(metrics.scrapingResults.labels("seoul", ResultType.UPDATED.label()).getCount()).isEqualTo(1);
        assertThat(metrics.scrapingJobDuration.labels("seoul").sum()).isEqualTo(12.0);
        assertThat(metrics.duplicates.labels(DuplicateAction.CANDIDATE.label()).getCount()).isEqualTo(1);
        assertThat(metrics.enrichments.labels("auto", "heuristic").getCount()).isEqualTo(1);
        assertThat(metrics.enrichmentDuration.labels("heuristic").getCount()).isEqualTo(1);
        assertThat(metrics.queueJobs.labels("scraping", "finished").getCount()).isEqualTo(1);
    }

    @Test
    void everyBackgroundTaskIsBornAtZeroAndCountsItsFailures() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);
        assertThat(metrics.backgroundFailures.size()).isEqualTo(BackgroundTask.values().length);
        for (BackgroundTask task : BackgroundTask.values()) {
            assertThat(metrics.backgroundFailures.labels(task.label()).getCount()).isZero();
        }

        events.backgroundTaskFailed(BackgroundTask.LEASE_HEARTBEAT);

        assertThat(metrics.backgroundFailures.labels("lease_heartbeat").getCount()).isEqualTo(1);
        assertThat(metrics.backgroundFailures.labels("worker").getCount()).isZero();
    }

    @Test
    void sourcesPastTheLimitBecomeOtherAndAreCountedOnce() {
        int limit = 50;
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, limit);

        for (int i = 0; i < 1_000; i++) {
            events.itemStored("source-" + i, ResultType.NEW);
        }
        events.itemStored("source-3", ResultType.NEW);

        assertThat(metrics.scrapingResults.size()).isEqualTo(limit + 1);
        assertThat(metrics.scrapingResults.labels(Labels.OVERFLOW, "new").getCount()).isEqualTo(950);
        assertThat(metrics.scrapingResults.labels("source-3", "new").getCount()).isEqualTo(2);
        assertThat(metrics.labelOverflows.labels(metrics.scrapingResults.family().name()).getCount()).isEqualTo(950);
    }

    @Test
    void withoutLabelsEverySourceIsAll() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, false, 10);

        events.jobStarted("seoul");
        events.jobStopped("seoul");
        events.jobFinished("busan", JobOutcome.FAILED, Duration.ofSeconds(1));
        events.itemStored("daegu", ResultType.ERROR);

        assertThat(metrics.scrapingJobs.children()).extracting(LabelledCounter::labelValues)
                .containsOnly(java.util.List.of(Labels.COLLAPSED, "completed"), java.util.List.of(Labels.COLLAPSED, "failed"),
                        java.util.List.of(Labels.COLLAPSED, "cancelled"));
        assertThat(metrics.scrapingJobs.labels(Labels.COLLAPSED, "failed").getCount()).isEqualTo(1);
        assertThat(metrics.scrapingResults.children()).extracting(LabelledCounter::labelValues)
                .containsOnly(java.util.List.of(Labels.COLLAPSED, "new"), java.util.List.of(Labels.COLLAPSED, "updated"),
                        java.util.List.of(Labels.COLLAPSED, "error"));
        assertThat(metrics.scrapingResults.labels(Labels.COLLAPSED, "error").getCount()).isEqualTo(1);
        assertThat(metrics.scrapingJobsActive.labels(Labels.COLLAPSED).value()).isZero();
    }

    @Test
    void aSourcesCountersStartAtZeroWhenItsFirstJobStarts() {
        MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);

        events.jobStarted("seoul");

        assertThat(metrics.scrapingJobs.children()).extracting(LabelledCounter::labelValues).containsExactlyInAnyOrder(
                java.util.List.of("seoul", "completed"), java.util.List.of("seoul", "failed"),
                java.util.List.of("seoul", "cancelled"));
        assertThat(metrics.scrapingJobs.children()).allSatisfy(c -> assertThat(c.getCount()).isZero());
        assertThat(metrics.scrapingResults.children()).extracting(LabelledCounter::labelValues).containsExactlyInAnyOrder(
                java.util.List.of("seoul", "new"), java.util.List.of("seoul", "updated"), java.util.List.of("seoul", "error"));
        assertThat(metrics.scrapingResults.children()).allSatisfy(c -> assertThat(c.getCount()).isZero());
    }
}
