package com.krleads.dashboards;

import static com.krleads.dashboards.DashboardDefaults.Q;
import static com.krleads.dashboards.query.Promql.legend;
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
import static com.krleads.metrics.ServiceLevelObjectives.SCRAPING_SUCCESS;

import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.FieldConfig;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.query.SloQueries;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.ResultType;

/** Scraping jobs, their results, duplicates, the smart scraper, verifications and the job queue. */
public final class ScrapingStatisticsDashboard {
    private ScrapingStatisticsDashboard() {
    }

    public static Dashboard build() {
        return DashboardDefaults.dashboard(KrDashboard.SCRAPING_STATISTICS,
                        "Scraping jobs and their results, duplicate detection, smart-scraper enrichment, "
                                + "contact verification and the job queue.")
                .variable(SourceHealthTable.sourceVariable())
                .row("Overview")
                .panel(totalJobs()).panel(jobSuccessRate()).panel(activeJobs()).panel(queueBacklog())
                .row("Source health")
                .panel(SourceHealthTable.table())
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

    /** Jobs that ended in the selected range, any outcome: follows the time picker, survives restarts. */
    static String jobsEnded() {
        return sum(Q.increaseInRange(SCRAPING_JOBS.name()));
    }

    static PanelBuilder<?> totalJobs() {
        return DashboardDefaults.stat("Jobs finished", "Scraping jobs that ended (any outcome) in the selected range.",
                        DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.instant(jobsEnded(), "jobs"))
                .noSparkline()
                .colorByThresholds()
                .thresholds(DashboardDefaults.informational())
                .noValue("0")
                .decimals(0);
    }

    /**
     * The scraping SLI over the selected range: completed among the jobs that ended completed or
     * failed (a cancelled job counts neither way), as a ratio, colored by its objective.
     */
    static PanelBuilder<?> jobSuccessRate() {
        SloQueries sli = new SloQueries(Q, SCRAPING_SUCCESS);
        return DashboardDefaults.stat("Job success rate", "Completed jobs among the jobs that ended completed or failed in the "
                                + "selected range (cancelled jobs count neither way, as in the scraping SLI); green meets the "
                                + SCRAPING_SUCCESS.objectivePercent() + " objective; \"no jobs ended\" when none did.",
                        DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.instant(sli.goodRatio(Promql.RANGE), "success"))
                .noSparkline()
                .colorByThresholds()
                .thresholds(DashboardDefaults.sloThresholds(SCRAPING_SUCCESS))
                .noValue("no jobs ended")
                .decimals(3)
                .min(0).max(1);
    }

    static PanelBuilder<?> activeJobs() {
        return DashboardDefaults.stat("Active jobs", "Scraping jobs running right now, summed over the selected replicas.",
                        DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.select(SCRAPING_JOBS_ACTIVE.name())), "active"))
                .colorByThresholds()
                .thresholds(DashboardDefaults.informational())
                .noValue("0");
    }

    static PanelBuilder<?> queueBacklog() {
        return DashboardDefaults.stat("Queue backlog", "Jobs waiting in the shared queue. One replica at a time reports it; "
                                + "the largest value is shown so that a hand-over never counts it twice.", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(Promql.max(Q.select(QUEUE_SIZE.name())), "waiting"))
                .colorByThresholds()
                .thresholds(DashboardDefaults.lowerIsBetter(50, 200))
                .noValue("no data");
    }

    static PanelBuilder<?> jobsByOutcome() {
        return DashboardDefaults.timeseries("Jobs by outcome", "Jobs that ended per interval (5 minutes or more on long ranges): "
                                + "completed, failed, cancelled.", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.increase(SCRAPING_JOBS.name()), STATUS), legend(STATUS)))
                .override(FieldConfig.Override.fixedColor(DashboardDefaults.GREEN, JobOutcome.COMPLETED.label()))
                .override(FieldConfig.Override.fixedColor(DashboardDefaults.RED, JobOutcome.FAILED.label()))
                .interval(DashboardDefaults.COUNT_INTERVAL)
                .noValue("0")
                .bars();
    }

    static PanelBuilder<?> jobDuration() {
        return DashboardDefaults.timeseries("Job duration percentiles", "p50, p95 and p99 wall time of a scraping job run.",
                        DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.query(Q.histogramQuantile(0.5, SCRAPING_JOB_DURATION), "p50"))
                .target(DashboardDefaults.query(Q.histogramQuantile(0.95, SCRAPING_JOB_DURATION), "p95"))
                .target(DashboardDefaults.query(Q.histogramQuantile(0.99, SCRAPING_JOB_DURATION), "p99"))
                .noValue("no jobs")
                .fillOpacity(0);
    }

    static PanelBuilder<?> activeJobsBySource() {
        return DashboardDefaults.timeseries("Active jobs by source", "Jobs running right now, by directory source.",
                        DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.select(SCRAPING_JOBS_ACTIVE.name()), SOURCE), legend(SOURCE)))
                .size(24, 8);
    }

    static PanelBuilder<?> resultsByType() {
        return DashboardDefaults.timeseries("Results by type", "Items extracted per interval (5 minutes or more): new leads, "
                                + "updated leads and errors.", DashboardDefaults.UNIT_COUNT)
                .interval(DashboardDefaults.COUNT_INTERVAL)
                .noValue("0")
                .target(DashboardDefaults.query(sum(Q.increase(SCRAPING_RESULTS.name()), RESULT_TYPE),
                        legend(RESULT_TYPE)))
                .override(FieldConfig.Override.fixedColor(DashboardDefaults.GREEN, ResultType.NEW.label()))
                .override(FieldConfig.Override.fixedColor(DashboardDefaults.BLUE, ResultType.UPDATED.label()))
                .override(FieldConfig.Override.fixedColor(DashboardDefaults.RED, ResultType.ERROR.label()))
                .stacked();
    }

    static PanelBuilder<?> duplicatesByAction() {
        return DashboardDefaults.timeseries("Duplicates by action", "Duplicate leads per interval (5 minutes or more): merged "
                                + "automatically or kept as candidates.", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.increase(DUPLICATES_DETECTED.name()), ACTION), legend(ACTION)))
                .interval(DashboardDefaults.COUNT_INTERVAL)
                .noValue("0")
                .bars();
    }

    static PanelBuilder<?> enrichmentsByModeAndMethod() {
        return DashboardDefaults.timeseries("Smart scraper usage", "Items enriched per second, by configured mode and the method "
                                + "that produced the fields (LLM or heuristic).", DashboardDefaults.UNIT_OPS_PER_SECOND)
                .target(DashboardDefaults.query(sum(Q.rate(SMART_SCRAPER_ENRICHMENTS.name()), MODE, METHOD), legend(MODE, METHOD)))
                .size(8, 8);
    }

    static PanelBuilder<?> enrichmentDuration() {
        return DashboardDefaults.timeseries("Smart scraper duration", "p50 and p95 time to enrich one item, by method.",
                        DashboardDefaults.UNIT_SECONDS)
                .target(DashboardDefaults.query(Q.histogramQuantile(0.5, SMART_SCRAPER_DURATION, METHOD), "p50 " + legend(METHOD)))
                .target(DashboardDefaults.query(Q.histogramQuantile(0.95, SMART_SCRAPER_DURATION, METHOD), "p95 " + legend(METHOD)))
                .noValue("no enrichments")
                .fillOpacity(0)
                .size(8, 8);
    }

    static PanelBuilder<?> contactVerifications() {
        return DashboardDefaults.timeseries("Contact verifications", "Contacts checked per interval (5 minutes or more), by "
                                + "contact type and outcome.", DashboardDefaults.UNIT_COUNT)
                .interval(DashboardDefaults.COUNT_INTERVAL)
                .noValue("0")
                .target(DashboardDefaults.query(sum(Q.increase(CONTACT_VERIFICATIONS.name()), CONTACT_TYPE, STATUS),
                        legend(CONTACT_TYPE, STATUS)))
                .stacked()
                .size(8, 8);
    }

    /** The operators' queue query, restricted to the selected job and instances. */
    static PanelBuilder<?> queueSize() {
        return DashboardDefaults.timeseries("Queue size", "Jobs waiting, by queue. One replica at a time reports the shared "
                                + "queue, so the sum over replicas is the true backlog.", DashboardDefaults.UNIT_COUNT)
                .target(DashboardDefaults.query(sum(Q.select(QUEUE_SIZE.name()), QUEUE_NAME), legend(QUEUE_NAME)));
    }

    static PanelBuilder<?> queueThroughput() {
        return DashboardDefaults.timeseries("Queue throughput", "Queue jobs started, finished and failed per second, by queue.",
                        DashboardDefaults.UNIT_OPS_PER_SECOND)
                .target(DashboardDefaults.query(sum(Q.rate(QUEUE_JOBS.name()), QUEUE_NAME, STATUS), legend(QUEUE_NAME, STATUS)));
    }
}
