package com.krleads.dashboards.rules;

import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.LE;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;
import static com.krleads.metrics.MetricCatalog.QUEUE_JOBS;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_JOBS;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;

import com.krleads.dashboards.Settings;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.LabelValues.HealthCheckName;
import com.krleads.metrics.LabelValues.JobOutcome;
import com.krleads.metrics.LabelValues.QueueJobStatus;
import com.krleads.metrics.LabelValues.QueueName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** promtool unit tests: for every alert, one scenario where it fires and one where it must not. */
public final class AlertRuleTests {
    private static final String SERVICE = Settings.SCRAPE_JOB;
    private static final String REPLICA = "app-1:8081";
    private static final String QUEUE = QueueName.SCRAPING.label();
    private static final String[] TARGET = {JOB, SERVICE, INSTANCE, REPLICA};

    private AlertRuleTests() {
    }

    public static List<AlertScenario> scenarios() {
        List<AlertScenario> all = new ArrayList<>();
        all.addAll(api());
        all.addAll(scraping());
        all.addAll(health());
        return all;
    }

    /** The promtool test file, run against the given rule files (paths relative to the test file). */
    public static Map<String, Object> file(List<String> ruleFiles) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", ruleFiles);
        file.put("evaluation_interval", "1m");
        file.put("tests", scenarios().stream().map(AlertScenario::toYaml).toList());
        return file;
    }

    private static List<AlertScenario> api() {
        AlertRule ratio = AlertRules.API_HIGH_ERROR_RATIO;
        AlertRule latency = AlertRules.API_HIGH_LATENCY;
        AlertRule down = AlertRules.API_TARGET_DOWN;
        AlertRule missing = AlertRules.API_TARGET_MISSING;
        return List.of(
                // 1 request/s answered 200 and 0.1/s answered 500: 0.1 / 1.1 of all requests failed.
                requests(AlertScenario.fires(ratio), "0+6x20").evalAt("15m")
                        .expect("API 5xx ratio above 5%",
                                "9.091% of the requests to " + SERVICE + " ended with a 5xx status over the last 5 minutes.",
                                JOB, SERVICE),
                requests(AlertScenario.quiet(ratio), "0+1x20").evalAt("15m"),
                // Every request takes between 1 and 2.5 s: p95 interpolates to 2.425 s.
                latency(AlertScenario.fires(latency), "0x20", "0x20").evalAt("15m")
                        .expect("API p95 latency above 1s",
                                "The p95 latency of " + SERVICE + " is 2.425s over the last 5 minutes.", JOB, SERVICE),
                latency(AlertScenario.quiet(latency), "0+10x20", "0+10x20").evalAt("15m"),
                AlertScenario.fires(down).series(KnownSeries.UP.name(), "1 1 0x10", TARGET).evalAt("6m")
                        .expect("Service replica down",
                                "Prometheus cannot scrape " + REPLICA + " of job " + SERVICE + ".", TARGET),
                AlertScenario.quiet(down).series(KnownSeries.UP.name(), "1x10", TARGET).evalAt("6m"),
                AlertScenario.fires(missing).series(KnownSeries.UP.name(), "1x10", JOB, "another-job", INSTANCE, REPLICA)
                        .evalAt("6m")
                        .expect("No service replica to scrape",
                                "Prometheus has found no target of job " + SERVICE + " for 5 minutes.", JOB, SERVICE),
                AlertScenario.quiet(missing).series(KnownSeries.UP.name(), "1x10", TARGET).evalAt("6m"));
    }

    private static AlertScenario requests(AlertScenario scenario, String serverErrors) {
        return scenario
                .series(HTTP_REQUESTS.name(), "0+60x20", JOB, SERVICE, INSTANCE, REPLICA, METHOD, "GET",
                        ENDPOINT, "/api/leads", STATUS, "200")
                .series(HTTP_REQUESTS.name(), serverErrors, JOB, SERVICE, INSTANCE, REPLICA, METHOD, "GET",
                        ENDPOINT, "/api/leads", STATUS, "500");
    }

    /** Ten requests a minute; how many of them finished within 0.5 s and within 1 s. */
    private static AlertScenario latency(AlertScenario scenario, String within05, String within1) {
        String bucket = HTTP_REQUEST_DURATION.bucket();
        String[] labels = {JOB, SERVICE, INSTANCE, REPLICA, METHOD, "GET", ENDPOINT, "/api/leads"};
        return scenario
                .series(bucket, within05, with(labels, LE, "0.5"))
                .series(bucket, within1, with(labels, LE, "1"))
                .series(bucket, "0+10x20", with(labels, LE, "2.5"))
                .series(bucket, "0+10x20", with(labels, LE, "+Inf"));
    }

    private static List<AlertScenario> scraping() {
        AlertRule failures = AlertRules.SCRAPING_JOB_FAILURES;
        AlertRule growing = AlertRules.QUEUE_BACKLOG_GROWING;
        AlertRule stuck = AlertRules.QUEUE_STUCK;
        AlertRule noWorkers = AlertRules.NO_BUSY_WORKERS;
        String[] queue = with(TARGET, QUEUE_NAME, QUEUE);
        return List.of(
                jobs(AlertScenario.fires(failures), "0+1x40").evalAt("30m")
                        .expect("Scraping jobs failing",
                                "50% of the scraping jobs of source demo failed over the last 30 minutes.", SOURCE, "demo"),
                jobs(AlertScenario.quiet(failures), "0+9x40").evalAt("30m"),
                // Five more waiting jobs every minute: past 50 after 10 minutes, 250 at 50 minutes.
                AlertScenario.fires(growing).series(QUEUE_SIZE.name(), "0+5x60", queue).evalAt("50m")
                        .expect("Queue backlog growing",
                                "Queue " + QUEUE + " holds 250 waiting jobs and has kept growing for 30 minutes.",
                                QUEUE_NAME, QUEUE),
                AlertScenario.quiet(growing).series(QUEUE_SIZE.name(), "300x60", queue).evalAt("50m"),
                AlertScenario.fires(stuck).series(QUEUE_SIZE.name(), "20x30", queue)
                        .series(QUEUE_JOBS.name(), "5x30", with(queue, STATUS, QueueJobStatus.STARTED.label()))
                        .evalAt("25m")
                        .expect("Queue stuck",
                                "20 jobs wait in queue " + QUEUE + " and no worker has started one for 15 minutes.",
                                QUEUE_NAME, QUEUE),
                AlertScenario.quiet(stuck).series(QUEUE_SIZE.name(), "20x30", queue)
                        .series(QUEUE_JOBS.name(), "5+1x30", with(queue, STATUS, QueueJobStatus.STARTED.label()))
                        .evalAt("25m"),
                AlertScenario.fires(noWorkers).series(QUEUE_SIZE.name(), "20x30", queue)
                        .series(WORKERS_ACTIVE.name(), "0x30", queue).evalAt("25m")
                        .expect("No busy workers while jobs wait",
                                "20 jobs wait in queue " + QUEUE + " but no worker has been busy for 10 minutes: "
                                        + "the workers are down or disabled.", QUEUE_NAME, QUEUE),
                AlertScenario.quiet(noWorkers).series(QUEUE_SIZE.name(), "20x30", queue)
                        .series(WORKERS_ACTIVE.name(), "2x30", queue).evalAt("25m"));
    }

    /** One completed job a minute from source demo, plus the given failures. */
    private static AlertScenario jobs(AlertScenario scenario, String completed) {
        return scenario
                .series(SCRAPING_JOBS.name(), "0+1x40", with(TARGET, SOURCE, "demo", STATUS, JobOutcome.FAILED.label()))
                .series(SCRAPING_JOBS.name(), completed, with(TARGET, SOURCE, "demo", STATUS, JobOutcome.COMPLETED.label()));
    }

    private static List<AlertScenario> health() {
        AlertRule database = AlertRules.DATABASE_UNHEALTHY;
        AlertRule ollama = AlertRules.OLLAMA_UNHEALTHY;
        String[] db = with(TARGET, CHECK, HealthCheckName.DATABASE.label());
        String[] llm = with(TARGET, CHECK, HealthCheckName.OLLAMA.label());
        return List.of(
                AlertScenario.fires(database).series(HEALTH_CHECK_STATUS.name(), "1 1 0x10", db).evalAt("6m")
                        .expect("Health check database failing", "The database health check of " + REPLICA
                                + " has failed for 2m: the service cannot read or write leads and jobs.", db),
                AlertScenario.quiet(database).series(HEALTH_CHECK_STATUS.name(), "1 1 0 1x10", db).evalAt("6m"),
                AlertScenario.fires(ollama).series(HEALTH_CHECK_STATUS.name(), "0x20", llm).evalAt("15m")
                        .expect("Health check ollama failing", "The ollama health check of " + REPLICA
                                + " has failed for 10m: LLM enrichment by the smart scraper is unavailable.", llm),
                AlertScenario.quiet(ollama).series(HEALTH_CHECK_STATUS.name(), "1x20", llm).evalAt("15m"));
    }

    private static String[] with(String[] pairs, String... more) {
        String[] all = java.util.Arrays.copyOf(pairs, pairs.length + more.length);
        System.arraycopy(more, 0, all, pairs.length, more.length);
        return all;
    }
}
