package com.krleads.dashboards.rules;

import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.max;
import static com.krleads.dashboards.query.Promql.number;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.rules.Templates.label;
import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rules.AlertRule.Severity;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.LabelValues.HealthCheckName;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import java.util.List;

/**
 * The alerts. Queue sizes are read from the shared database, so every replica reports the same
 * backlog: rules take the {@code max} over replicas, never the sum.
 */
public final class AlertRules {
    private static final Promql Q = Promql.forRules();
    public static final double MAX_SERVER_ERROR_RATIO = 0.05;
    public static final double MAX_P95_SECONDS = 1;
    public static final double MAX_JOB_FAILURE_RATIO = 0.2;
    public static final int BACKLOG_WARNING = 50;

    private static final String UP_OF_SERVICE = Q.select(KnownSeries.UP.name(), matchEqual(JOB, Settings.SCRAPE_JOB));
    private static final String BACKLOG = max(Q.select(QUEUE_SIZE.name()), QUEUE_NAME);

    public static final AlertRule API_HIGH_ERROR_RATIO = AlertRule.builder("KrApiHighErrorRatio")
            .expr(RecordingRules.SERVER_ERRORS_RATE.record() + " / " + RecordingRules.REQUESTS_RATE.record()
                    + " > " + number(MAX_SERVER_ERROR_RATIO))
            .forDuration("5m").severity(Severity.CRITICAL).dashboard(KrDashboard.API_METRICS)
            .summary("API 5xx ratio above " + percent(MAX_SERVER_ERROR_RATIO))
            .description(Templates.VALUE_PERCENT + " of the requests to " + label(JOB)
                    + " ended with a 5xx status over the last 5 minutes.")
            .build();

    public static final AlertRule API_HIGH_LATENCY = AlertRule.builder("KrApiHighLatency")
            .expr("histogram_quantile(0.95, " + RecordingRules.LATENCY_BUCKETS_RATE.record() + ") > " + number(MAX_P95_SECONDS))
            .forDuration("10m").severity(Severity.WARNING).dashboard(KrDashboard.API_METRICS)
            .summary("API p95 latency above " + number(MAX_P95_SECONDS) + "s")
            .description("The p95 latency of " + label(JOB) + " is " + Templates.VALUE_DURATION
                    + " over the last 5 minutes.")
            .build();

    public static final AlertRule API_TARGET_DOWN = AlertRule.builder("KrApiTargetDown")
            .expr(UP_OF_SERVICE + " == 0")
            .forDuration("2m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Service replica down")
            .description("Prometheus cannot scrape " + label(INSTANCE) + " of job " + label(JOB) + ".")
            .build();

    public static final AlertRule API_TARGET_MISSING = AlertRule.builder("KrApiTargetMissing")
            .expr("absent(" + UP_OF_SERVICE + ")")
            .forDuration("5m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("No service replica to scrape")
            .description("Prometheus has found no target of job " + Settings.SCRAPE_JOB + " for 5 minutes.")
            .build();

    public static final AlertRule SCRAPING_JOB_FAILURES = AlertRule.builder("KrScrapingJobFailureRatio")
            .expr(sum(Q.rateOver("30m", SCRAPING_JOBS.name(), matchEqual(STATUS, JobOutcome.FAILED.label())), SOURCE)
                    + " / " + sum(Q.rateOver("30m", SCRAPING_JOBS.name()), SOURCE) + " > " + number(MAX_JOB_FAILURE_RATIO))
            .forDuration("15m").severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS)
            .summary("Scraping jobs failing")
            .description(Templates.VALUE_PERCENT + " of the scraping jobs of source " + label(SOURCE)
                    + " failed over the last 30 minutes.")
            .build();

    public static final AlertRule QUEUE_BACKLOG_GROWING = AlertRule.builder("KrQueueBacklogGrowing")
            .expr(BACKLOG + " > " + BACKLOG_WARNING + " and "
                    + max("deriv(" + Q.select(QUEUE_SIZE.name()) + "[15m])", QUEUE_NAME) + " > 0")
            .forDuration("30m").severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS)
            .summary("Queue backlog growing")
            .description("Queue " + label(QUEUE_NAME) + " holds " + Templates.VALUE
                    + " waiting jobs and has kept growing for 30 minutes.")
            .build();

    public static final AlertRule QUEUE_STUCK = AlertRule.builder("KrQueueStuck")
            .expr(BACKLOG + " > 0 unless "
                    + sum(Q.rateOver("15m", QUEUE_JOBS.name(), matchEqual(STATUS, QueueJobStatus.STARTED.label())), QUEUE_NAME)
                    + " > 0")
            .forDuration("15m").severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS)
            .summary("Queue stuck")
            .description(Templates.VALUE + " jobs wait in queue " + label(QUEUE_NAME)
                    + " and no worker has started one for 15 minutes.")
            .build();

    public static final AlertRule NO_BUSY_WORKERS = AlertRule.builder("KrNoBusyWorkers")
            .expr(BACKLOG + " > 0 unless "
                    + sum("max_over_time(" + Q.select(WORKERS_ACTIVE.name()) + "[5m])", QUEUE_NAME) + " > 0")
            .forDuration("10m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("No busy workers while jobs wait")
            .description(Templates.VALUE + " jobs wait in queue " + label(QUEUE_NAME)
                    + " but no worker has been busy for 10 minutes: the workers are down or disabled.")
            .build();

    public static final AlertRule DATABASE_UNHEALTHY = healthAlert("KrDatabaseUnhealthy", HealthCheckName.DATABASE,
            "2m", Severity.CRITICAL, "the service cannot read or write leads and jobs.");

    public static final AlertRule OLLAMA_UNHEALTHY = healthAlert("KrOllamaUnhealthy", HealthCheckName.OLLAMA,
            "10m", Severity.WARNING, "LLM enrichment by the smart scraper is unavailable.");

    public static final String API_GROUP = "kr-lead-scraper.api";
    public static final String SCRAPING_GROUP = "kr-lead-scraper.scraping";
    public static final String HEALTH_GROUP = "kr-lead-scraper.health";

    private AlertRules() {
    }

    public static List<RuleGroup> groups() {
        return List.of(
                RuleGroup.alerting(API_GROUP, API_HIGH_ERROR_RATIO, API_HIGH_LATENCY, API_TARGET_DOWN, API_TARGET_MISSING),
                RuleGroup.alerting(SCRAPING_GROUP, SCRAPING_JOB_FAILURES, QUEUE_BACKLOG_GROWING, QUEUE_STUCK, NO_BUSY_WORKERS),
                RuleGroup.alerting(HEALTH_GROUP, DATABASE_UNHEALTHY, OLLAMA_UNHEALTHY));
    }

    public static List<AlertRule> all() {
        return groups().stream().flatMap(group -> group.alertRules().stream()).toList();
    }

    private static AlertRule healthAlert(String name, HealthCheckName check, String forDuration, Severity severity,
                                         String consequence) {
        return AlertRule.builder(name)
                .expr(Q.select(HEALTH_CHECK_STATUS.name(), matchEqual(CHECK, check.label())) + " == 0")
                .forDuration(forDuration).severity(severity).dashboard(KrDashboard.SYSTEM_HEALTH)
                .summary("Health check " + check.label() + " failing")
                .description("The " + check.label() + " health check of " + label(INSTANCE) + " has failed for "
                        + forDuration + ": " + consequence)
                .build();
    }

    private static String percent(double ratio) {
        return number(ratio * 100) + "%";
    }
}
