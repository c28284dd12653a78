package com.krleads.dashboards.alerts;

import static com.krleads.dashboards.query.Promql.count;
import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.max;
import static com.krleads.dashboards.query.Promql.number;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.rulefile.Templates.label;
import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.FAMILY;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.RESULT_TYPE;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.TASK;
import static com.krleads.metrics.MetricCatalog.BACKGROUND_TASK_FAILURES;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.METRICS_LABEL_OVERFLOW;
import static com.krleads.metrics.MetricCatalog.QUEUE_OLDEST_JOB_AGE;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.dashboards.rulefile.RuleGroup;
import com.krleads.dashboards.rulefile.Templates;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.LabelValues.HealthCheckName;
import com.krleads.metrics.LabelValues.ResultType;
import java.util.List;

/**
 * The service's alerts (the SLO burn-rate alerts are in {@link BurnRateAlerts}, the alerts about
 * monitoring itself in {@link MonitoringAlerts}). Queue sizes are read from the shared database:
 * rules take the {@code max} over replicas, never the sum. Aggregations keep {@code job}, so
 * Alertmanager can inhibit by it.
 */
public final class AlertRules {
    private static final Promql Q = Promql.forRules();
    public static final int BACKLOG_WARNING = 50;
    /** Share of a source's extracted items that failed extraction before a warning. */
    public static final double MAX_EXTRACTION_ERROR_RATIO = 0.25;
    /** Items of one source in the hour before the extraction-error share means anything. */
    public static final int MIN_EXTRACTED_ITEMS = 50;

    private static final String UP_OF_SERVICE = Q.select(KnownSeries.UP.name(), matchEqual(JOB, Settings.SCRAPE_JOB));
    private static final String BACKLOG = max(Q.select(QUEUE_SIZE.name()), JOB, QUEUE_NAME);
    private static final String TARGETS_DOWN_SHARE = count(UP_OF_SERVICE + " == 0", JOB) + " / " + count(UP_OF_SERVICE, JOB);

    /** Some, not all, replicas cannot be scraped: the others carry the load. */
    public static final AlertRule API_TARGETS_DOWN_SOME = AlertRule.builder("KrApiTargetDown")
            .expr(TARGETS_DOWN_SHARE + " < 1")
            .forDuration("5m").severity(Severity.WARNING).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Some service replicas down")
            .description(Templates.VALUE_PERCENT + " of the targets of job " + label(JOB)
                    + " cannot be scraped; the other replicas still serve.")
            .build();

    /** Every replica is down: nothing serves. */
    public static final AlertRule API_TARGETS_DOWN_ALL = AlertRule.builder("KrApiTargetDown")
            .expr(TARGETS_DOWN_SHARE + " == 1")
            .forDuration("2m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Every service replica down")
            .description("Prometheus cannot scrape any target of job " + label(JOB) + ": the service is down.")
            .build();

    public static final AlertRule API_TARGET_MISSING = AlertRule.builder("KrApiTargetMissing")
            .expr("absent(" + UP_OF_SERVICE + ")")
            .forDuration("5m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("No service replica to scrape")
            .description("Prometheus has found no target of job " + Settings.SCRAPE_JOB + " for 5 minutes.")
            .build();

    /**
     * The blackbox exporter's probe, through the entry clients use, has failed for five minutes:
     * the API is down from outside, even if the replicas look healthy from Prometheus.
     */
    public static final AlertRule PROBE_FAILING = AlertRule.builder("KrApiProbeFailing")
            .expr("max_over_time(" + Promql.forJob(Settings.PROBE_JOB).select(KnownSeries.PROBE_SUCCESS.name()) + "[5m]) == 0")
            .immediately().severity(Severity.CRITICAL).dashboardOfService(KrDashboard.API_METRICS)
            .summary("API unreachable from outside")
            .description("Every probe of " + label(INSTANCE) + " by the blackbox exporter has failed for 5 minutes: "
                    + "clients cannot reach the API.")
            .build();

    public static final AlertRule QUEUE_BACKLOG_GROWING = AlertRule.builder("KrQueueBacklogGrowing")
            .expr(BACKLOG + " > " + BACKLOG_WARNING + " and "
                    + max("deriv(" + Q.select(QUEUE_SIZE.name()) + "[15m])", JOB, QUEUE_NAME) + " > 0")
            .forDuration("30m").severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS)
            .summary("Queue backlog growing")
            .description("Queue " + label(QUEUE_NAME) + " holds " + Templates.VALUE
                    + " waiting jobs and has kept growing for 30 minutes.")
            .build();

    /** Longest a job may wait before the wait alert: twice the production queue health check's default age. */
    public static final int MAX_WAIT_MINUTES = 60;

    /**
     * The oldest waiting job has waited too long, whatever the cause: every worker busy (a full
     * house: add workers or replicas) or none picking jobs up ({@link #NO_BUSY_WORKERS} says which).
     * It replaces {@code KrQueueStuck}, which fired for a full house on long jobs.
     */
    public static final AlertRule QUEUE_WAIT_TOO_LONG = AlertRule.builder("KrQueueWaitTooLong")
            .expr(max(Q.select(QUEUE_OLDEST_JOB_AGE.name()), JOB, QUEUE_NAME) + " > " + MAX_WAIT_MINUTES * 60)
            .forDuration("5m").severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS)
            .summary("Jobs wait too long")
            .description("The oldest job waiting in queue " + label(QUEUE_NAME) + " has waited " + Templates.VALUE_DURATION
                    + ", more than " + MAX_WAIT_MINUTES + " minutes.")
            .build();

    public static final AlertRule NO_BUSY_WORKERS = AlertRule.builder("KrNoBusyWorkers")
            .expr(BACKLOG + " > 0 unless "
                    + sum("max_over_time(" + Q.select(WORKERS_ACTIVE.name()) + "[5m])", JOB, QUEUE_NAME) + " > 0")
            .forDuration("10m").severity(Severity.CRITICAL).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("No busy workers while jobs wait")
            .description(Templates.VALUE + " jobs wait in queue " + label(QUEUE_NAME)
                    + " but no worker has been busy for 10 minutes: the workers are down or disabled.")
            .build();

    /** A source whose items fail extraction: the first sign that its site changed layout. */
    public static final AlertRule EXTRACTION_ERRORS = AlertRule.builder("KrScrapingExtractionErrors")
            .expr(Promql.ratio(sum(Q.increaseOver("1h", SCRAPING_RESULTS.name(), matchEqual(RESULT_TYPE, ResultType.ERROR.label())),
                    JOB, SOURCE), sum(Q.increaseOver("1h", SCRAPING_RESULTS.name()), JOB, SOURCE))
                    + " > " + number(MAX_EXTRACTION_ERROR_RATIO)
                    + " and " + sum(Q.increaseOver("1h", SCRAPING_RESULTS.name()), JOB, SOURCE) + " >= " + MIN_EXTRACTED_ITEMS)
            .forDuration("15m").severity(Severity.WARNING).dashboard(KrDashboard.SCRAPING_STATISTICS)
            .summary("Items of a source fail extraction")
            .description(Templates.VALUE_PERCENT + " of the items scraped from source " + label(SOURCE)
                    + " over the last hour failed extraction: its site may have changed its layout.")
            .build();

    public static final AlertRule LABEL_OVERFLOW = AlertRule.builder("KrMetricsLabelOverflow")
            .expr(sum(Q.increaseOver("30m", METRICS_LABEL_OVERFLOW.name()), JOB, FAMILY) + " > 0")
            .immediately().severity(Severity.WARNING).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Metric label values overflowing")
            .description("Family " + label(FAMILY) + " reached its limit of distinct label values: "
                    + Templates.VALUE + " values were recorded as \"other\" over the last 30 minutes.")
            .build();

    /** A worker, the lease heartbeat or another timer caught a failure at its boundary and went on. */
    public static final AlertRule BACKGROUND_TASK_FAILURES_SEEN = AlertRule.builder("KrBackgroundTaskFailures")
            .expr(sum(Q.increaseOver("15m", BACKGROUND_TASK_FAILURES.name()), JOB, TASK) + " > 0")
            .immediately().severity(Severity.WARNING).dashboard(KrDashboard.SYSTEM_HEALTH)
            .summary("Background task failures")
            .description("Background task " + label(TASK) + " caught " + Templates.VALUE + " failures over the last "
                    + "15 minutes and went on; each may have cost a job its run or a lease its renewal.")
            .build();

    public static final AlertRule DATABASE_UNHEALTHY = healthAlert("KrDatabaseUnhealthy", HealthCheckName.DATABASE,
            "2m", Severity.CRITICAL, "the service cannot read or write leads and jobs.");

    public static final AlertRule OLLAMA_UNHEALTHY = healthAlert("KrOllamaUnhealthy", HealthCheckName.OLLAMA,
            "10m", Severity.WARNING, "LLM enrichment by the smart scraper is unavailable.");

    public static final AlertRule QUEUE_UNHEALTHY = healthAlert("KrQueueUnhealthy", HealthCheckName.QUEUE,
            "10m", Severity.WARNING, "a job has waited longer than the allowed age, or no worker of the replica is alive.");

    public static final String API_GROUP = "kr-lead-scraper.api";
    public static final String SCRAPING_GROUP = "kr-lead-scraper.scraping";
    public static final String HEALTH_GROUP = "kr-lead-scraper.health";

    private AlertRules() {
    }

    public static List<RuleGroup> groups() {
        return List.of(
                RuleGroup.alerting(API_GROUP, API_TARGETS_DOWN_SOME, API_TARGETS_DOWN_ALL, API_TARGET_MISSING, PROBE_FAILING),
                RuleGroup.alerting(SCRAPING_GROUP, QUEUE_BACKLOG_GROWING, QUEUE_WAIT_TOO_LONG, NO_BUSY_WORKERS, EXTRACTION_ERRORS),
                RuleGroup.alerting(HEALTH_GROUP, DATABASE_UNHEALTHY, OLLAMA_UNHEALTHY, QUEUE_UNHEALTHY, LABEL_OVERFLOW,
                        BACKGROUND_TASK_FAILURES_SEEN),
                SourceHealthAlerts.group(),
                new RuleGroup(BurnRateAlerts.GROUP, List.of(), BurnRateAlerts.withSourceAlerts()),
                MonitoringAlerts.group());
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
}
