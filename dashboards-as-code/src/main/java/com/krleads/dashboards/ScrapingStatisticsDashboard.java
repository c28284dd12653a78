package com.krleads.dashboards;

import static com.krleads.dashboards.Common.Q;
import static com.krleads.dashboards.query.Promql.legend;
import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.metrics.Labels.ACTION;
import static com.krleads.metrics.Labels.CONTACT_TYPE;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.MODE;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.RESULT_TYPE;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.CONTACT_VERIFICATIONS;
import static com.krleads.metrics.MetricCatalog.DUPLICATES_DETECTED;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS_ACTIVE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOB_DURATION;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_DURATION;
import static com.krleads.metrics.MetricCatalog.SMART_SCRAPER_ENRICHMENTS;

import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.FieldConfig;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.query.Promql;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.ResultType;

/** Scraping jobs, their results, duplicates, the smart scraper, verifications and the job queue. */
public final class ScrapingStatisticsDashboard {
    /** Counts per panel interval are taken over this window, so bars are comparable. */
    private static final String COUNT_WINDOW = "5m";

    private ScrapingStatisticsDashboard() {
    }

    public static Dashboard build() {
        return Common.dashboard(KrDashboard.SCRAPING_STATISTICS,
                        "Scraping jobs and their results, duplicate detection, smart-scraper enrichment, "
                                + "contact verification and the job queue.")
                .row("Overview")
                .panel(totalJobs()).panel(jobSuccessRate()).panel(activeJobs()).panel(queueBacklog())
                .row("Jobs")
                .panel(jobsByOutcome()).panel(jobDuration()).panel(activeJobsBySource())
                .row("Results")
                .panel(resultsByType()).panel(duplicatesByAction())
                .row("Smart scraper and verification")
                .panel(enrichmentsByModeAndMethod()).panel(enrichmentDuration()).panel(contactVerifications())
                .row("Queue")
                .panel(queueSize()).panel(queueThroughput())
                .build();
    }

    static PanelBuilder<?> totalJobs() {
        return Common.stat("Jobs finished", "Scraping jobs that ended (any outcome) since the selected replicas started.",
                        Common.UNIT_COUNT)
                .target(Common.query(sum(Q.select(SCRAPING_JOBS.name())), "jobs"))
                .decimals(0);
    }

    /** The operators' success-rate query, restricted to the selected instances. */
    static PanelBuilder<?> jobSuccessRate() {
        String completed = sum(Q.select(SCRAPING_JOBS.name(), matchEqual(STATUS, JobOutcome.COMPLETED.label())));
        return Common.stat("Job success rate", "Completed jobs as a percentage of all jobs that ended.",
                        Common.UNIT_PERCENT)
                .target(Common.query(completed + " / " + sum(Q.select(SCRAPING_JOBS.name())) + " * 100", "success"))
                .colorByThresholds()
                .thresholds(Common.higherIsBetter(80, 95))
                .min(0).max(100);
    }

    static PanelBuilder<?> activeJobs() {
        return Common.stat("Active jobs", "Scraping jobs running right now.", Common.UNIT_COUNT)
                .target(Common.query(sum(Q.select(SCRAPING_JOBS_ACTIVE.name())), "active"));
    }

    static PanelBuilder<?> queueBacklog() {
        return Common.stat("Queue backlog", "Jobs waiting in the queue. Every replica reads the same shared queue, "
                                + "so this shows the largest value reported rather than a sum.", Common.UNIT_COUNT)
                .target(Common.query(Promql.max(Q.select(QUEUE_SIZE.name())), "waiting"))
                .colorByThresholds()
                .thresholds(Common.lowerIsBetter(50, 200));
    }

    static PanelBuilder<?> jobsByOutcome() {
        return Common.timeseries("Jobs by outcome", "Jobs that ended in each 5-minute window: completed, failed, cancelled.",
                        Common.UNIT_COUNT)
                .target(Common.query(sum(Q.increaseOver(COUNT_WINDOW, SCRAPING_JOBS.name()), STATUS), legend(STATUS)))
                .override(FieldConfig.Override.fixedColor(Common.GREEN, JobOutcome.COMPLETED.label()))
                .override(FieldConfig.Override.fixedColor(Common.RED, JobOutcome.FAILED.label()))
                .bars();
    }

    static PanelBuilder<?> jobDuration() {
        return Common.timeseries("Job duration percentiles", "p50, p95 and p99 wall time of a scraping job run.",
                        Common.UNIT_SECONDS)
                .target(Common.query(Q.histogramQuantile(0.5, SCRAPING_JOB_DURATION), "p50"))
                .target(Common.query(Q.histogramQuantile(0.95, SCRAPING_JOB_DURATION), "p95"))
                .target(Common.query(Q.histogramQuantile(0.99, SCRAPING_JOB_DURATION), "p99"))
                .fillOpacity(0);
    }

    static PanelBuilder<?> activeJobsBySource() {
        return Common.timeseries("Active jobs by source", "Jobs running right now, by directory source.", Common.UNIT_COUNT)
                .target(Common.query(sum(Q.select(SCRAPING_JOBS_ACTIVE.name()), SOURCE), legend(SOURCE)))
                .size(24, 8);
    }

    static PanelBuilder<?> resultsByType() {
        return Common.timeseries("Results by type", "Items extracted per 5 minutes: new leads, updated leads and errors.",
                        Common.UNIT_COUNT)
                .target(Common.query(sum(Q.increaseOver(COUNT_WINDOW, SCRAPING_RESULTS.name()), RESULT_TYPE),
                        legend(RESULT_TYPE)))
                .override(FieldConfig.Override.fixedColor(Common.GREEN, ResultType.NEW.label()))
                .override(FieldConfig.Override.fixedColor(Common.BLUE, ResultType.UPDATED.label()))
                .override(FieldConfig.Override.fixedColor(Common.RED, ResultType.ERROR.label()))
                .stacked();
    }

    static PanelBuilder<?> duplicatesByAction() {
        return Common.timeseries("Duplicates by action", "Duplicate leads per 5 minutes: merged automatically or kept as candidates.",
                        Common.UNIT_COUNT)
                .target(Common.query(sum(Q.increaseOver(COUNT_WINDOW, DUPLICATES_DETECTED.name()), ACTION), legend(ACTION)))
                .bars();
    }

    static PanelBuilder<?> enrichmentsByModeAndMethod() {
        return Common.timeseries("Smart scraper usage", "Items enriched per second, by configured mode and the method "
                                + "that produced the fields (LLM or heuristic).", Common.UNIT_OPS_PER_SECOND)
                .target(Common.query(sum(Q.rate(SMART_SCRAPER_ENRICHMENTS.name()), MODE, METHOD), legend(MODE, METHOD)))
                .size(8, 8);
    }

    static PanelBuilder<?> enrichmentDuration() {
        return Common.timeseries("Smart scraper duration", "p50 and p95 time to enrich one item, by method.",
                        Common.UNIT_SECONDS)
                .target(Common.query(Q.histogramQuantile(0.5, SMART_SCRAPER_DURATION, METHOD), "p50 " + legend(METHOD)))
                .target(Common.query(Q.histogramQuantile(0.95, SMART_SCRAPER_DURATION, METHOD), "p95 " + legend(METHOD)))
                .fillOpacity(0)
                .size(8, 8);
    }

    static PanelBuilder<?> contactVerifications() {
        return Common.timeseries("Contact verifications", "Contacts checked per 5 minutes, by contact type and outcome.",
                        Common.UNIT_COUNT)
                .target(Common.query(sum(Q.increaseOver(COUNT_WINDOW, CONTACT_VERIFICATIONS.name()), CONTACT_TYPE, STATUS),
                        legend(CONTACT_TYPE, STATUS)))
                .stacked()
                .size(8, 8);
    }

    /** The operators' queue query, restricted to the selected instances. */
    static PanelBuilder<?> queueSize() {
        return Common.timeseries("Queue size", "Jobs waiting, by queue, summed over the selected replicas. Every replica "
                                + "reports the same shared queue: select one instance to read the exact backlog.",
                        Common.UNIT_COUNT)
                .target(Common.query(sum(Q.select(QUEUE_SIZE.name()), QUEUE_NAME), legend(QUEUE_NAME)));
    }

    static PanelBuilder<?> queueThroughput() {
        return Common.timeseries("Queue throughput", "Queue jobs started, finished and failed per second, by queue.",
                        Common.UNIT_OPS_PER_SECOND)
                .target(Common.query(sum(Q.rate(QUEUE_JOBS.name()), QUEUE_NAME, STATUS), legend(QUEUE_NAME, STATUS)));
    }
}
