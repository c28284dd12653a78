package com.krleads.dashboards.ruletests;

import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.FAMILY;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.INTEGRATION;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.RESULT_TYPE;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.Labels.TASK;
import static com.krleads.metrics.MetricCatalog.BACKGROUND_TASK_FAILURES;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.METRICS_LABEL_OVERFLOW;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.QUEUE_OLDEST_JOB_AGE;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;

import com.krleads.dashboards.Settings;
import com.krleads.dashboards.alerts.AlertRules;
import com.krleads.dashboards.alerts.BurnRateAlerts;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.metrics.LabelValues.HealthCheckName;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.metrics.LabelValues.QueueName;
import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.ServiceLevelObjectives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The promtool unit-test scenarios: for every alert, a scenario where it fires and one where it
 * must not; the SLO scenarios are in {@link SloScenarios}. Every input series carries the scrape
 * job's label. {@link RuleTestFiles} writes them into the generated test files.
 */
public final class AlertScenarios {
    static final String SERVICE = Settings.SCRAPE_JOB;
    static final String REPLICA = "app-1:8081";
    private static final String REPLICA_2 = "app-2:8081";
    private static final String QUEUE = QueueName.SCRAPING.label();
    static final String[] TARGET = {JOB, SERVICE, INSTANCE, REPLICA};

    private AlertScenarios() {
    }

    public static List<AlertScenario> scenarios() {
        List<AlertScenario> all = new ArrayList<>();
        all.addAll(targets());
        all.addAll(queue());
        all.addAll(scraping());
        all.addAll(health());
        all.addAll(PipelineScenarios.all());
        all.addAll(SourceHealthScenarios.all());
        all.addAll(SloScenarios.all());
        all.add(IdleScenarios.idleWindowsRecordNothing());
        all.addAll(coincidences());
        return all;
    }

    /** Every scenario: those of the minute-by-minute file, then the days-long ones. */
    public static List<AlertScenario> allScenarios() {
        List<AlertScenario> all = new ArrayList<>(scenarios());
        all.addAll(SloScenarios.daysLong());
        return all;
    }

    private static List<AlertScenario> targets() {
        AlertRule some = AlertRules.API_TARGETS_DOWN_SOME;
        AlertRule all = AlertRules.API_TARGETS_DOWN_ALL;
        AlertRule missing = AlertRules.API_TARGET_MISSING;
        String up = KnownSeries.UP.name();
        String[] second = {JOB, SERVICE, INSTANCE, REPLICA_2};
        return List.of(
                AlertScenario.named("KrApiTargetDown: one replica of two down is a warning")
                        .series(up, "1 1 0x10", TARGET).series(up, "1x12", second)
                        .at("6m").expectNone(some)
                        .at("7m").expect(some, "Some service replicas down", "50% of the targets of job " + SERVICE
                                + " cannot be scraped; the other replicas still serve.", JOB, SERVICE),
                AlertScenario.named("KrApiTargetDown: every replica down is critical")
                        .series(up, "1 1 0x10", TARGET).series(up, "1 1 0x10", second)
                        .at("3m").expectNone(some, all)
                        .at("4m").expect(all, "Every service replica down",
                                "Prometheus cannot scrape any target of job " + SERVICE + ": the service is down.", JOB, SERVICE),
                AlertScenario.named("KrApiTargetDown stays quiet while every replica is up")
                        .series(up, "1x10", TARGET).series(up, "1x10", second)
                        .at("8m").expectNone(some, all),
                AlertScenario.fires(missing)
                        .series(up, "1x10", JOB, "another-job", INSTANCE, REPLICA)
                        .at("6m").expectAsWritten(missing, JOB, SERVICE),
                AlertScenario.quiet(missing).series(up, "1x10", TARGET).at("6m").expectNone(missing));
    }

    private static List<AlertScenario> queue() {
        AlertRule growing = AlertRules.QUEUE_BACKLOG_GROWING;
        AlertRule wait = AlertRules.QUEUE_WAIT_TOO_LONG;
        AlertRule noWorkers = AlertRules.NO_BUSY_WORKERS;
        String[] queue = with(TARGET, QUEUE_NAME, QUEUE);
        return List.of(
                // Five more waiting jobs every minute: past 50 after 10 minutes, 250 at 50 minutes.
                AlertScenario.fires(growing).series(QUEUE_SIZE.name(), "0+5x60", queue)
                        .at("50m").expect(growing, "Queue backlog growing",
                                "Queue " + QUEUE + " holds 250 waiting jobs and has kept growing for 30 minutes.",
                                JOB, SERVICE, QUEUE_NAME, QUEUE),
                AlertScenario.quiet(growing).series(QUEUE_SIZE.name(), "300x60", queue).at("50m").expectNone(growing),
                // A full house on hour-long jobs with ten waiting: the oldest has waited an hour at minute 10.
                AlertScenario.named("KrQueueWaitTooLong fires for a full house with ten jobs waiting, and nothing else")
                        .series(QUEUE_SIZE.name(), "10x30", queue).series(WORKERS_ACTIVE.name(), "4x30", queue)
                        .series(QUEUE_OLDEST_JOB_AGE.name(), "3000+60x30", queue)
                        .at("15m").expectNone(wait, noWorkers, growing)
                        .at("16m").expect(wait, "Jobs wait too long", "The oldest job waiting in queue " + QUEUE
                                + " has waited 1h 6m 0s, more than " + AlertRules.MAX_WAIT_MINUTES + " minutes.",
                                JOB, SERVICE, QUEUE_NAME, QUEUE)
                        .expectNone(noWorkers, growing),
                fullHouse(),
                AlertScenario.fires(noWorkers).series(QUEUE_SIZE.name(), "20x30", queue)
                        .series(WORKERS_ACTIVE.name(), "0x30", queue)
                        .at("25m").expect(noWorkers, "No busy workers while jobs wait",
                                "20 jobs wait in queue " + QUEUE + " but no worker has been busy for 10 minutes: "
                                        + "the workers are down or disabled.", JOB, SERVICE, QUEUE_NAME, QUEUE),
                AlertScenario.quiet(noWorkers).series(QUEUE_SIZE.name(), "20x30", queue)
                        .series(WORKERS_ACTIVE.name(), "2x30", queue).at("25m").expectNone(noWorkers));
    }

    /**
     * Busy is not stuck: four workers on hour-long jobs, three jobs waiting, one starting every
     * 15 minutes, so each waits 30 to 45 minutes. For three hours no job starts within many
     * 10-minute windows, and no queue alert fires.
     */
    static AlertScenario fullHouse() {
        String[] queue = with(TARGET, QUEUE_NAME, QUEUE);
        String sawtooth = String.join(" ", java.util.Collections.nCopies(12, "1800+60x14"));
        String[] started = with(queue, STATUS, QueueJobStatus.STARTED.label());
        AlertScenario scenario = AlertScenario.named("A full house, 4 workers busy on hour-long jobs and 3 waiting, fires no queue alert")
                .series(QUEUE_SIZE.name(), "3x180", queue).series(WORKERS_ACTIVE.name(), "4x180", queue)
                .series(QUEUE_OLDEST_JOB_AGE.name(), sawtooth, queue)
                .series(QUEUE_JOBS.name(), Counter.counter().eventsAt(180, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180)
                        .values(), started);
        for (String time : List.of("14m", "25m", "44m", "60m", "120m", "179m")) {
            scenario.at(time).expectNone(AlertRules.QUEUE_WAIT_TOO_LONG, AlertRules.NO_BUSY_WORKERS,
                    AlertRules.QUEUE_BACKLOG_GROWING);
        }
        return scenario;
    }

    private static List<AlertScenario> scraping() {
        AlertRule errors = AlertRules.EXTRACTION_ERRORS;
        String[] demo = with(TARGET, SOURCE, "demo");
        String results = SCRAPING_RESULTS.name();
        return List.of(
                // 10 new and 10 failed items a minute: half of 1200 items an hour failed.
                AlertScenario.fires(errors)
                        .series(results, "0+10x60", with(demo, RESULT_TYPE, ResultType.NEW.label()))
                        .series(results, "0+10x60", with(demo, RESULT_TYPE, ResultType.ERROR.label()))
                        .at("30m").expect(errors, "Items of a source fail extraction", "50% of the items scraped from "
                                + "source demo over the last hour failed extraction: its site may have changed its layout.",
                                JOB, SERVICE, SOURCE, "demo"),
                AlertScenario.named("KrScrapingExtractionErrors stays quiet for few items or few errors")
                        // Half fail, but one item every ten minutes is below the volume guard.
                        .series(results, Counter.counter().eventsAt(60, 10, 20, 30, 40, 50, 60).values(),
                                with(demo, RESULT_TYPE, ResultType.NEW.label()))
                        .series(results, Counter.counter().eventsAt(60, 10, 20, 30, 40, 50, 60).values(),
                                with(demo, RESULT_TYPE, ResultType.ERROR.label()))
                        // Plenty of items, one error in fifty.
                        .series(results, "0+49x60", with(TARGET, SOURCE, "busy", RESULT_TYPE, ResultType.NEW.label()))
                        .series(results, "0+1x60", with(TARGET, SOURCE, "busy", RESULT_TYPE, ResultType.ERROR.label()))
                        .at("30m").expectNone(errors).at("60m").expectNone(errors));
    }

    private static List<AlertScenario> health() {
        AlertRule database = AlertRules.DATABASE_UNHEALTHY;
        AlertRule ollama = AlertRules.OLLAMA_UNHEALTHY;
        AlertRule queue = AlertRules.QUEUE_UNHEALTHY;
        AlertRule overflow = AlertRules.LABEL_OVERFLOW;
        AlertRule failures = AlertRules.BACKGROUND_TASK_FAILURES_SEEN;
        String[] heartbeat = with(TARGET, TASK, BackgroundTask.LEASE_HEARTBEAT.label());
        String[] db = with(TARGET, CHECK, HealthCheckName.DATABASE.label());
        String[] llm = with(TARGET, CHECK, HealthCheckName.OLLAMA.label());
        String[] queueCheck = with(TARGET, CHECK, HealthCheckName.QUEUE.label());
        String[] family = with(TARGET, FAMILY, MetricCatalog.SCRAPING_RESULTS.name());
        String status = HEALTH_CHECK_STATUS.name();
        return List.of(
                AlertScenario.fires(database).series(status, "1 1 0x10", db)
                        .at("6m").expect(database, "Health check database failing", "The database health check of "
                                + REPLICA + " has failed for 2m: the service cannot read or write leads and jobs.", db),
                AlertScenario.quiet(database).series(status, "1 1 0 1x10", db).at("6m").expectNone(database),
                AlertScenario.fires(ollama).series(status, "0x20", llm)
                        .at("15m").expect(ollama, "Health check ollama failing", "The ollama health check of " + REPLICA
                                + " has failed for 10m: LLM enrichment by the smart scraper is unavailable.", llm),
                AlertScenario.quiet(ollama).series(status, "1x20", llm).at("15m").expectNone(ollama),
                AlertScenario.fires(queue).series(status, "0x20", queueCheck)
                        .at("15m").expect(queue, "Health check queue failing", "The queue health check of " + REPLICA
                                + " has failed for 10m: a job has waited longer than the allowed age, or no worker "
                                + "of the replica is alive.", queueCheck),
                AlertScenario.quiet(queue).series(status, "1x20", queueCheck).at("15m").expectNone(queue),
                // Three values past the limit at minute 10.
                AlertScenario.fires(overflow).series(METRICS_LABEL_OVERFLOW.name(), "0x10 3x20", family)
                        .at("9m").expectNone(overflow)
                        .at("12m").expect(overflow, "Metric label values overflowing", "Family "
                                + MetricCatalog.SCRAPING_RESULTS.name() + " reached its limit of distinct label values: "
                                + "3 values were recorded as \"other\" over the last 30 minutes.",
                                JOB, SERVICE, FAMILY, MetricCatalog.SCRAPING_RESULTS.name()),
                AlertScenario.quiet(overflow).series(METRICS_LABEL_OVERFLOW.name(), "0x30", family)
                        .at("20m").expectNone(overflow),
                // Two failures of the heartbeat at minute 11; the worker's series stays at 0.
                AlertScenario.fires(failures)
                        .series(BACKGROUND_TASK_FAILURES.name(), "0x10 2x20", heartbeat)
                        .series(BACKGROUND_TASK_FAILURES.name(), "0x30", with(TARGET, TASK, BackgroundTask.WORKER.label()))
                        .at("9m").expectNone(failures)
                        .at("12m").expect(failures, "Background task failures", "Background task "
                                + BackgroundTask.LEASE_HEARTBEAT.label() + " caught 2 failures over the last 15 minutes "
                                + "and went on; each may have cost a job its run or a lease its renewal.",
                                JOB, SERVICE, TASK, BackgroundTask.LEASE_HEARTBEAT.label()),
                // Failures long past stay quiet: the counter is flat.
                AlertScenario.quiet(failures)
                        .series(BACKGROUND_TASK_FAILURES.name(), "0x30", heartbeat)
                        .series(BACKGROUND_TASK_FAILURES.name(), "2x30", with(TARGET, TASK, BackgroundTask.WORKER.label()))
                        .at("20m").expectNone(failures));
    }

    /**
     * Alerts that an inhibit rule pairs, firing at the same time from one set of inputs: the
     * Alertmanager test feeds these very label sets to a real Alertmanager.
     */
    static List<AlertScenario> coincidences() {
        String[] queue = with(TARGET, QUEUE_NAME, QUEUE);
        String[] db = with(TARGET, CHECK, HealthCheckName.DATABASE.label());
        return List.of(AlertScenario.named("The database down, the workers idle, jobs waiting too long: all at once")
                .series(HEALTH_CHECK_STATUS.name(), "0x30", db)
                .series(QUEUE_SIZE.name(), "20x30", queue)
                .series(WORKERS_ACTIVE.name(), "0x30", queue)
                .series(QUEUE_OLDEST_JOB_AGE.name(), "3000+60x30", queue)
                .at("25m")
                .expect(AlertRules.DATABASE_UNHEALTHY, "Health check database failing", "The database health check of "
                        + REPLICA + " has failed for 2m: the service cannot read or write leads and jobs.", db)
                .expect(AlertRules.NO_BUSY_WORKERS, "No busy workers while jobs wait", "20 jobs wait in queue " + QUEUE
                        + " but no worker has been busy for 10 minutes: the workers are down or disabled.",
                        JOB, SERVICE, QUEUE_NAME, QUEUE)
                .expect(AlertRules.QUEUE_WAIT_TOO_LONG, "Jobs wait too long", "The oldest job waiting in queue " + QUEUE
                        + " has waited 1h 15m 0s, more than " + AlertRules.MAX_WAIT_MINUTES + " minutes.",
                        JOB, SERVICE, QUEUE_NAME, QUEUE),
                AlertScenario.named("The database down and every request failing: the cause and the page at once")
                        .series(HEALTH_CHECK_STATUS.name(), "0x20", db)
                        .series(MetricCatalog.HTTP_REQUESTS.name(), "0+10x20",
                                with(TARGET, Labels.METHOD, "GET", Labels.ENDPOINT, "/api/leads", STATUS, "503"))
                        .at("10m")
                        .expect(AlertRules.DATABASE_UNHEALTHY, "Health check database failing", "The database health check of "
                                + REPLICA + " has failed for 2m: the service cannot read or write leads and jobs.", db)
                        .expectAsWritten(BurnRateAlerts.of(ServiceLevelObjectives.API_AVAILABILITY, Severity.CRITICAL),
                                JOB, SERVICE)
                        .expectAsWritten(BurnRateAlerts.of(ServiceLevelObjectives.API_AVAILABILITY, Severity.WARNING),
                                JOB, SERVICE));
    }

    static String[] with(String[] pairs, String... more) {
        String[] all = Arrays.copyOf(pairs, pairs.length + more.length);
        System.arraycopy(more, 0, all, pairs.length, more.length);
        return all;
    }
}
