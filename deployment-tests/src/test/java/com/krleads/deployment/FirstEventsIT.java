package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Settings;
import com.krleads.deployment.DashboardQueries.PanelQuery;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.ServiceLevelObjectives;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.testing.Await;
import com.krleads.testing.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The first event of a series counts, at a production scrape interval (15 s): the packaged jar on
 * PostgreSQL, Debian's Prometheus with the generated rules, and Debian's blackbox exporter probing
 * the API. A source is created and scraped at 0; its one short job is counted by the *Jobs
 * finished* panel; after 100 good requests on a route, one 5xx (the database locks the service
 * out) is counted by the availability SLI; no panel and no rule answers NaN while idle routes
 * exist; the probe's series are there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstEventsIT {
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);
    private static final String ROLE = "scraper";
    private static final String SOURCE = "never-run-before";
    private static final String ROUTE = "/api/sources";
    private static final String PROBE_JOB = Settings.PROBE_JOB;
    private static final String JOB = "job=\"" + Settings.SCRAPE_JOB + "\"";
    /** An idle route: nothing in this test deletes a source. */
    private static final String IDLE_ROUTE = "method=\"DELETE\",endpoint=\"/api/sources/{id}\"";
    private static final Duration WAIT = Duration.ofSeconds(75);

    private SharedDatabase database;
    private FixtureSite site;
    private ServiceReplica service;
    private BlackboxExporter blackbox;
    private PrometheusServer prometheus;
    private Instant started;
    private double jobSeconds;
    private final Map<String, String> nanAnswers = new TreeMap<>();
    private int queriesChecked;

    @BeforeAll
    void runTheStory() throws Exception {
        RequiredTools.require("prometheus", "prometheus");
        Path workDir = Files.createTempDirectory(ProjectFiles.path("deployment-tests/target"), "first-events-");
        database = SharedDatabase.start();
        site = FixtureSite.start();
        service = ServiceReplica.launch("service", "config.yml", Map.of(
                "DATABASE_DRIVER", "org.postgresql.Driver",
                "DATABASE_URL", database.createOwnedDatabase(ROLE, "leads"),
                "DATABASE_USER", ROLE,
                "DEMO_ENABLED", "false",
                "ENRICHMENT_MODE", "off",
                "LOG_LEVEL", "WARN"), workDir);
        blackbox = BlackboxExporter.start(workDir);
        service.awaitHealthy();
        ServiceApi api = service.api();
        ServiceApi.Answer created = api.post(ROUTE, sourceJson());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long sourceId = created.json().path("id").asLong();
        // The route has served before, as a route in use has: its 200 series exists when first scraped.
        assertThat(api.get(ROUTE).status()).isEqualTo(200);

        started = Instant.now();
        prometheus = PrometheusServer.start("prometheus", workDir, prometheusConfig());
        awaitValue("the new source scraped at 0", "scraping_jobs_total{" + JOB + ",source=\"" + SOURCE
                + "\",status=\"completed\"} == 0");

        ServiceApi.Answer job = api.post("/api/jobs", "{\"sourceId\": " + sourceId + "}");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        long jobId = job.json().path("id").asLong();
        Await.until("job " + jobId + " completed", Duration.ofSeconds(30),
                () -> "completed".equals(api.get("/api/jobs/" + jobId).json().path("status").asText()), service.process());
        jobSeconds = adminValue("scraping_job_duration_seconds_sum{source=\"" + SOURCE + "\",}");
        for (int i = 0; i < 100; i++) {
            assertThat(api.get(ROUTE).status()).isEqualTo(200);
        }
        awaitValue("the job and the 100 good requests scraped", "scraping_jobs_total{" + JOB + ",source=\"" + SOURCE
                + "\",status=\"completed\"} == 1 and on() sum(http_requests_total{" + JOB + ",method=\"GET\",endpoint=\""
                + ROUTE + "\",status=\"200\"}) >= 100");
        awaitValue("the probe scraped", KnownSeries.PROBE_SUCCESS.name() + "{job=\"" + PROBE_JOB + "\"}");
        findNaN();

        database.refuse(ROLE);
        try {
            ServiceApi.Answer refused = api.get(ROUTE);
            assertThat(refused.status()).as("the database refuses the service: %s", refused.body()).isBetween(500, 599);
        } finally {
            database.admit(ROLE);
        }
        awaitValue("the 5xx recorded by the availability SLI", "job:slo_errors:rate5m{" + JOB + ",slo=\""
                + ServiceLevelObjectives.API_AVAILABILITY.name() + "\"} > 0");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {prometheus, blackbox, service, site, database}) {
            if (part != null) {
                part.close();
            }
        }
    }

    @Test
    void theOneShortJobOfANewSourceIsCountedByTheJobsFinishedPanel() throws Exception {
        PanelQuery panel = DashboardQueries.read(ProjectFiles.path("dashboards-as-code/target/grafana/dashboards")).stream()
                .filter(query -> query.panel().equals("Jobs finished")).findFirst().orElseThrow();
        String expr = panel.expr(DashboardQueries.variables(SCRAPE_INTERVAL, rangeSoFar()));

        double counted = value(expr);
        System.out.printf("first-events: job of %.3f s, Jobs finished = %.3f (%s)%n", jobSeconds, counted, expr);
        assertThat(jobSeconds).as("the job is shorter than a second").isLessThan(1.0);
        assertThat(counted).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theOne5xxAfter100GoodRequestsIsCountedByTheAvailabilitySli() throws Exception {
        String slo = JOB + ",slo=\"" + ServiceLevelObjectives.API_AVAILABILITY.name() + "\"";
        double errors = value("job:slo_errors:rate5m{" + slo + "} * 300");
        double ratio = value("job:slo_errors:ratio_rate5m{" + slo + "}");
        double fiveHundreds = value("sum(increase(http_requests_total{" + JOB + ",status=~\"5..\"}[5m]))");
        System.out.printf("first-events: SLI errors in 5m = %.3f, error ratio = %.5f, 5xx increase = %.3f, sent %s%n",
                errors, ratio, fiveHundreds, service.api().answeredByStatus());
        assertThat(errors).isGreaterThanOrEqualTo(0.9);
        assertThat(ratio).as("one bad among the 100 good and the test's other requests").isPositive().isLessThan(0.05);
    }

    @Test
    void noPanelAndNoRuleAnswersNaNWithIdleRoutes() throws Exception {
        assertThat(value("http_request_duration_seconds_count{" + JOB + "," + IDLE_ROUTE + "}"))
                .as("an idle route's series exists, at 0").isZero();
        System.out.printf("first-events: %d panel and rule queries checked for NaN%n", queriesChecked);
        assertThat(queriesChecked).isGreaterThan(40);
        assertThat(nanAnswers).as("queries that answered NaN").isEmpty();
    }

    @Test
    void theProbesSeriesArePresent() throws Exception {
        String probe = "job=\"" + PROBE_JOB + "\"";
        // A probe that lands in the story's database outage sees a 500: ask for a 200 seen, not for the last one.
        double success = value("max_over_time(" + KnownSeries.PROBE_SUCCESS.name() + "{" + probe + "}[5m])");
        double ok = value("max_over_time((probe_http_status_code{" + probe + "} == 200)[5m:])");
        double probes = value("count_over_time(probe_http_status_code{" + probe + "}[5m])");
        System.out.printf("first-events: probe_success = %.0f, a 200 seen = %.0f, probes = %.0f%n", success, ok, probes);
        assertThat(success).isEqualTo(1);
        assertThat(ok).isEqualTo(200);
        assertThat(probes).isPositive();
    }

    /** Every panel query over the run so far (as Grafana asks), every rule's result now. */
    private void findNaN() throws Exception {
        Map<String, String> variables = DashboardQueries.variables(SCRAPE_INTERVAL, rangeSoFar());
        PrometheusApi api = prometheus.api();
        for (PanelQuery query : DashboardQueries.read(ProjectFiles.path("dashboards-as-code/target/grafana/dashboards"))) {
            String expr = query.expr(variables);
            JsonNode answer = query.instant() ? api.query(expr)
                    : api.queryRange(expr, started, Instant.now(), (int) SCRAPE_INTERVAL.toSeconds());
            noteNaN(query.id(), expr, answer);
        }
        for (JsonNode group : api.rules().at("/data/groups")) {
            for (JsonNode rule : group.path("rules")) {
                String expr = rule.path("query").asText();
                noteNaN(group.path("name").asText() + " / " + rule.path("name").asText(), expr, api.query(expr));
            }
        }
    }

    private void noteNaN(String id, String expr, JsonNode answer) {
        queriesChecked++;
        if (!"success".equals(answer.path("status").asText())) {
            nanAnswers.put(id, "does not run: " + answer.path("error").asText() + " :: " + expr);
        } else if (answer.toString().contains("\"NaN\"")) {
            nanAnswers.put(id, expr);
        }
    }

    private Duration rangeSoFar() {
        return Duration.between(started, Instant.now()).plusSeconds(SCRAPE_INTERVAL.toSeconds()).withNanos(0);
    }

    private String prometheusConfig() throws Exception {
        return PrometheusConfigs.serviceWithGeneratedRules(SCRAPE_INTERVAL.toSeconds(), service.target())
                + blackbox.scrapeJob(PROBE_JOB, service.api().baseUrl() + "/api/leads?page=1&size=1");
    }

    private void awaitValue(String what, String expr) throws Exception {
        Await.until(what, WAIT, () -> !prometheus.api().query(expr).at("/data/result").isEmpty(),
                prometheus.process(), service.process(), blackbox.process());
    }

    private double value(String expr) throws Exception {
        JsonNode answer = prometheus.api().query(expr);
        assertThat(answer.at("/data/result")).as("data for %s", expr).isNotEmpty();
        return Double.parseDouble(answer.at("/data/result/0/value/1").asText());
    }

    /** One sample of the service's own /metrics, read on its admin port. */
    private double adminValue(String series) throws Exception {
        String text = service.admin().get("/metrics").body();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("%s in the service's /metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private String sourceJson() {
        return """
                {"name": "%s", "startUrl": "%s",
                 "selectors": {"item": ".listing", "name": ".name", "phone": ".tel",
                               "email": "a[href^=mailto]", "website": "a.homepage", "address": ".addr",
                               "category": ".cat", "nextPage": "a.next"},
                 "maxPages": 1, "delayMillis": 200}""".formatted(SOURCE, site.startUrl());
    }
}
