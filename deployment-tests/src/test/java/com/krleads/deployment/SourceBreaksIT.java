package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.metrics.LabelValues.YieldFinding;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.ListingPage;
import com.krleads.testing.Await;
import com.krleads.testing.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A source breaks and Prometheus says so: the packaged service and a real Prometheus with the
 * generated rules (scrape and evaluation every second), three sources of a loopback fixture site
 * run twice. Between the jobs "redesign" changes its markup (the item selector matches nothing),
 * "phoneless" stops showing phones and "shrinking" lists a fifth fewer items. The times compared
 * are Prometheus's own sample timestamps, never the test's clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceBreaksIT {
    private static final int INTERVAL_SECONDS = 1;
    private static final String ZERO_YIELD = "KrSourceYieldsNothing";
    private static final String COVERAGE = "KrSourceFieldCoverageCollapsed";

    private FixtureSite site;
    private ServiceReplica service;
    private PrometheusServer prometheus;
    private ServiceApi api;
    private final Map<String, Long> sources = new HashMap<>();
    private JsonNode redesignSecond;

    @BeforeAll
    void runTwoJobsPerSource() throws Exception {
        RequiredTools.require("prometheus", "prometheus");
        Path workDir = Files.createTempDirectory(ProjectFiles.path("deployment-tests/target"), "source-breaks-");
        site = FixtureSite.start();
        service = ServiceReplica.launch("service", "config.yml", Map.of(
                "DATABASE_URL", "jdbc:h2:file:" + workDir.resolve("db/leads")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "LOG_LEVEL", "WARN"), workDir);
        service.awaitHealthy();
        api = service.api();
        prometheus = PrometheusServer.start("prometheus", workDir, PrometheusConfigs.serviceWithGeneratedRules(INTERVAL_SECONDS, service.target()));
        Await.until("first successful scrape", Duration.ofSeconds(60),
                () -> "up".equals(prometheus.api().targets().at("/data/activeTargets/0/health").asText()),
                prometheus.process());

        serve("redesign", listing(100, 10, true));
        serve("phoneless", listing(200, 10, true));
        serve("shrinking", listing(300, 10, true));
        for (String name : new String[] {"redesign", "phoneless", "shrinking"}) {
            sources.put(name, createSource(name));
            runJob(sources.get(name));
        }
        serve("redesign", listing(100, 10, true).replace("class=\"listing\"", "class=\"card\""));
        serve("phoneless", listing(200, 10, false));
        serve("shrinking", listing(300, 8, true));
        redesignSecond = runJob(sources.get("redesign"));
        runJob(sources.get("phoneless"));
        runJob(sources.get("shrinking"));
    }

    @AfterAll
    void stop() throws Exception {
        try (AutoCloseable s = site; AutoCloseable p = prometheus; AutoCloseable r = service) {
            // closed in reverse order
        }
    }

    @Test
    void theRedesignedSourcesJobCarriesAWarningAndItsAlertFiresWithinTwoEvaluations() throws Exception {
        assertThat(redesignSecond.path("warnings").toString()).contains("the item selector matched nothing on page 1");
        String finding = MetricCatalog.SOURCE_YIELD_FINDING.name() + "{" + Labels.SOURCE + "=\"redesign\","
                + Labels.FINDING + "=\"" + YieldFinding.ZERO_YIELD.label() + "\"}";
        String alert = firing(ZERO_YIELD, "redesign", null);
        Await.until(ZERO_YIELD + " firing", Duration.ofSeconds(60),
                () -> !prometheus.api().query(alert).at("/data/result").isEmpty(), prometheus.process(), service.process());

        double findingAt = firstSampleAt(finding + "[10m]", 1);
        double firingAt = firstSampleAt(alert + "[10m]", 1);
        double lag = firingAt - findingAt;
        System.out.printf("source-breaks e2e: finding scraped at %.3f, %s firing at %.3f: %.3f s later%n",
                findingAt, ZERO_YIELD, firingAt, lag);
        assertThat(lag).as("seconds from the scrape that saw the finding to the firing alert")
                .isBetween(0.0, 2.0 * INTERVAL_SECONDS + 0.5);
    }

    @Test
    void aSourceThatStopsShowingPhonesRaisesTheCoverageAlertNamingTheField() throws Exception {
        String alert = firing(COVERAGE, "phoneless", ItemField.PHONE.label());
        Await.until(COVERAGE + " firing for phone", Duration.ofSeconds(60),
                () -> !prometheus.api().query(alert).at("/data/result").isEmpty(), prometheus.process(), service.process());
        JsonNode firing = prometheus.api().query("ALERTS{alertstate=\"firing\",source=\"phoneless\"}").at("/data/result");
        assertThat(firing).extracting(a -> a.at("/metric/alertname").asText() + "/" + a.at("/metric/field").asText())
                .containsExactlyInAnyOrder(COVERAGE + "/phone", COVERAGE + "/phone_valid");
    }

    @Test
    void aListingThatShrinksByAFifthRaisesNothing() throws Exception {
        Await.until("the shrinking source's second job scraped", Duration.ofSeconds(30), () -> prometheus.api()
                .query(MetricCatalog.SOURCE_LAST_JOB_ITEMS.name() + "{source=\"shrinking\"} == 8")
                .at("/data/result").size() == 1, prometheus.process());
        Thread.sleep(3000L * INTERVAL_SECONDS);
        assertThat(prometheus.api().query("ALERTS{source=\"shrinking\"}").at("/data/result")).isEmpty();
        assertThat(prometheus.api().query("max_over_time(" + MetricCatalog.SOURCE_YIELD_FINDING.name()
                + "{source=\"shrinking\"}[10m]) > 0").at("/data/result")).isEmpty();
    }

    /** Timestamp of the first raw sample of a range selector whose value is {@code value}. */
    private double firstSampleAt(String rangeSelector, double value) throws Exception {
        JsonNode series = prometheus.api().query(rangeSelector).at("/data/result/0/values");
        for (JsonNode sample : series) {
            if (Double.parseDouble(sample.get(1).asText()) == value) {
                return sample.get(0).asDouble();
            }
        }
        throw new AssertionError("no sample of " + value + " in " + rangeSelector + ": " + series);
    }

    private static String firing(String alertname, String source, String field) {
        return "ALERTS{alertname=\"" + alertname + "\",alertstate=\"firing\",source=\"" + source + "\""
                + (field == null ? "" : ",field=\"" + field + "\"") + "}";
    }

    private static String listing(int first, int items, boolean phones) {
        ListingPage page = new ListingPage();
        for (int i = 0; i < items; i++) {
            page.add(ListingPage.Item.named("가게 " + (first + i), phones ? "02-777-" + (1000 + first + i) : null));
        }
        return page.html();
    }

    private void serve(String source, String html) {
        site.serve("/quality/" + source + ".html", "text/html; charset=UTF-8", html);
    }

    private long createSource(String name) throws Exception {
        String body = """
                {"name": "%s", "startUrl": "%s/quality/%s.html",
                 "selectors": {"item": ".listing", "name": ".name", "phone": ".tel", "email": "a[href^=mailto]",
                               "website": "a.homepage", "address": ".addr", "category": ".cat", "nextPage": "a.next"},
                 "maxPages": 1, "delayMillis": 200}""".formatted(name, site.baseUrl(), name);
        ServiceApi.Answer created = api.post("/api/sources", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private JsonNode runJob(long sourceId) throws Exception {
        ServiceApi.Answer job = api.post("/api/jobs", "{\"sourceId\": " + sourceId + "}");
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        long jobId = job.json().path("id").asLong();
        Await.until("job " + jobId + " ended with its quality", Duration.ofSeconds(60),
                () -> api.get("/api/jobs/" + jobId).json().path("quality").isObject(), service.process());
        JsonNode ended = api.get("/api/jobs/" + jobId).json();
        assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("completed");
        // Let Prometheus scrape the counters between jobs, as rates need.
        Thread.sleep(1500L * INTERVAL_SECONDS);
        return ended;
    }
}
