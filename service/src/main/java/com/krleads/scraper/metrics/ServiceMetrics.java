package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.BUILD_INFO;
import static com.krleads.metrics.MetricCatalog.BACKGROUND_TASK_FAILURES;
import static com.krleads.metrics.MetricCatalog.CONTACT_VERIFICATIONS;
import static com.krleads.metrics.MetricCatalog.DUPLICATES_DETECTED;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_ERRORS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS_IN_PROGRESS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.METRICS_LABEL_OVERFLOW;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.QUEUE_OLDEST_JOB_AGE;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_DECODE_REPLACEMENTS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEMS_FOUND;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEM_FIELDS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS_ACTIVE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_DURATION;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_ENRICHMENTS;
import static com.krleads.metrics.MetricCatalog.SOURCE_BASELINE_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_TIMESTAMP;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;

import com.codahale.metrics.MetricRegistry;
import java.util.List;

/** Every family of the catalog, bound to one Dropwizard {@link MetricRegistry}. */
public final class ServiceMetrics {
    public final LabelledFamily<LabelledCounter> httpRequests;
    public final LabelledFamily<BucketHistogram> httpDuration;
    public final LabelledFamily<LabelledGauge> httpInProgress;
    public final LabelledFamily<LabelledCounter> httpErrors;
    public final LabelledFamily<LabelledCounter> scrapingJobs;
    public final LabelledFamily<BucketHistogram> scrapingJobDuration;
    public final LabelledFamily<LabelledCounter> scrapingResults;
    public final LabelledFamily<LabelledGauge> scrapingJobsActive;
    public final LabelledFamily<LabelledCounter> decodeReplacements;
    public final LabelledFamily<LabelledCounter> duplicates;
    public final LabelledFamily<LabelledCounter> enrichments;
    public final LabelledFamily<BucketHistogram> enrichmentDuration;
    public final LabelledFamily<LabelledCounter> verifications;
    public final LabelledFamily<LabelledGauge> queueSize;
    public final LabelledFamily<LabelledCounter> queueJobs;
    public final LabelledFamily<LabelledGauge> healthStatus;
    public final LabelledFamily<LabelledGauge> workersActive;
    public final LabelledFamily<LabelledGauge> queueOldestJobAge;
    public final LabelledFamily<LabelledGauge> buildInfo;
    public final LabelledFamily<LabelledCounter> backgroundFailures;
    public final LabelledFamily<LabelledCounter> itemsFound;
    public final LabelledFamily<LabelledCounter> itemFields;
    public final LabelledFamily<LabelledGauge> lastJobItems;
    public final LabelledFamily<LabelledGauge> baselineItems;
    public final LabelledFamily<LabelledGauge> lastJobTimestamp;
    public final LabelledFamily<LabelledGauge> yieldFindings;
    public final LabelledFamily<LabelledGauge> coverageFindings;
    public final LabelledFamily<LabelledCounter> labelOverflows;

    private final List<LabelledFamily<?>> all;

    public ServiceMetrics(MetricRegistry registry) {
        httpRequests = LabelledFamily.counters(HTTP_REQUESTS, registry);
        httpDuration = LabelledFamily.histograms(HTTP_REQUEST_DURATION, registry);
        httpInProgress = LabelledFamily.gauges(HTTP_REQUESTS_IN_PROGRESS, registry);
        httpErrors = LabelledFamily.counters(HTTP_ERRORS, registry);
        scrapingJobs = LabelledFamily.counters(SCRAPING_JOBS, registry);
        scrapingJobDuration = LabelledFamily.histograms(SCRAPING_JOB_DURATION, registry);
        scrapingResults = LabelledFamily.counters(SCRAPING_RESULTS, registry);
        scrapingJobsActive = LabelledFamily.gauges(SCRAPING_JOBS_ACTIVE, registry);
        decodeReplacements = LabelledFamily.counters(SCRAPING_DECODE_REPLACEMENTS, registry);
        duplicates = LabelledFamily.counters(DUPLICATES_DETECTED, registry);
        enrichments = LabelledFamily.counters(SMART_SCRAPER_ENRICHMENTS, registry);
        enrichmentDuration = LabelledFamily.histograms(SMART_SCRAPER_DURATION, registry);
        verifications = LabelledFamily.counters(CONTACT_VERIFICATIONS, registry);
        queueSize = LabelledFamily.gauges(QUEUE_SIZE, registry);
        queueJobs = LabelledFamily.counters(QUEUE_JOBS, registry);
        healthStatus = LabelledFamily.gauges(HEALTH_CHECK_STATUS, registry);
        workersActive = LabelledFamily.gauges(WORKERS_ACTIVE, registry);
        queueOldestJobAge = LabelledFamily.gauges(QUEUE_OLDEST_JOB_AGE, registry);
        buildInfo = LabelledFamily.gauges(BUILD_INFO, registry);
        backgroundFailures = LabelledFamily.counters(BACKGROUND_TASK_FAILURES, registry);
        itemsFound = LabelledFamily.counters(SCRAPING_ITEMS_FOUND, registry);
        itemFields = LabelledFamily.counters(SCRAPING_ITEM_FIELDS, registry);
        lastJobItems = LabelledFamily.gauges(SOURCE_LAST_JOB_ITEMS, registry);
        baselineItems = LabelledFamily.gauges(SOURCE_BASELINE_ITEMS, registry);
        lastJobTimestamp = LabelledFamily.gauges(SOURCE_LAST_JOB_TIMESTAMP, registry);
        yieldFindings = LabelledFamily.gauges(SOURCE_YIELD_FINDING, registry);
        coverageFindings = LabelledFamily.gauges(SOURCE_COVERAGE_FINDING, registry);
        labelOverflows = LabelledFamily.counters(METRICS_LABEL_OVERFLOW, registry);
        all = List.of(httpRequests, httpDuration, httpInProgress, httpErrors, scrapingJobs, scrapingJobDuration,
                scrapingResults, scrapingJobsActive, decodeReplacements, duplicates, enrichments, enrichmentDuration, verifications,
                queueSize, queueJobs, healthStatus, workersActive, queueOldestJobAge, buildInfo, backgroundFailures,
                itemsFound, itemFields, lastJobItems, baselineItems, lastJobTimestamp, yieldFindings, coverageFindings,
                labelOverflows);
    }

    /** In the catalog's order, followed by the instrumentation's own families. */
    public List<LabelledFamily<?>> families() {
        return all;
    }

    /** The source-health gauges, which one process reports from the database (see {@code SourceHealthMetrics}). */
    List<LabelledFamily<LabelledGauge>> sourceHealthGauges() {
        return List.of(lastJobItems, baselineItems, lastJobTimestamp, yieldFindings, coverageFindings);
    }

    /** A guard for a user-defined label of {@code family} that counts its overflows here. */
    CardinalityGuard guard(LabelledFamily<?> family, int limit) {
        String name = family.family().name();
        return new CardinalityGuard(name, limit, labelOverflows.labels(name));
    }
}
