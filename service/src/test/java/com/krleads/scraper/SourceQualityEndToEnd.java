package com.krleads.scraper;

import static com.krleads.metrics.Labels.FIELD;
import static com.krleads.metrics.Labels.FINDING;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEMS_FOUND;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEM_FIELDS;
import static com.krleads.metrics.MetricCatalog.SOURCE_BASELINE_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.metrics.LabelValues.YieldFinding;
import com.krleads.scraper.metrics.ParsedScrape;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.ListingPage;
import com.krleads.scraper.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A source breaks between two jobs and the service tells: three sources of the fixture site run
 * twice. "redesign" changes its markup (the item selector matches nothing), "phoneless" stops
 * showing phones, "shrinking" lists a fifth fewer items. Checked through the API and /metrics.
 * Run once per database: {@link SourceQualityOnH2IT} and {@link SourceQualityOnPostgresIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourceQualityEndToEnd {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final TestDatabase database;
    private ServiceWithSite service;
    private final Map<String, Long> sources = new java.util.HashMap<>();
    private JsonNode redesignFirst;
    private JsonNode redesignSecond;
    private JsonNode phonelessSecond;
    private JsonNode shrinkingSecond;
    private ParsedScrape scrape;

    SourceQualityEndToEnd(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void runTwoJobsPerSource() throws Exception {
        service = ServiceWithSite.start(database);
        serve("redesign", listing(100, 10, true));
        serve("phoneless", listing(200, 10, true));
        serve("shrinking", listing(300, 10, true));
        redesignFirst = runJob(createSource("redesign"));
        runJob(createSource("phoneless"));
        runJob(createSource("shrinking"));

        serve("redesign", listing(100, 10, true).replace("class=\"listing\"", "class=\"card\""));
        serve("phoneless", listing(200, 10, false));
        serve("shrinking", listing(300, 8, true));
        redesignSecond = runJob(sources.get("redesign"));
        phonelessSecond = runJob(sources.get("phoneless"));
        shrinkingSecond = runJob(sources.get("shrinking"));
        scrape = service.scrape();
    }

    @Test
    void aRestartedServiceReportsTheFindingsFromItsFirstScrape() throws Exception {
        service.restartApp();
        ParsedScrape first = service.scrape();
        assertThat(first.value(SOURCE_YIELD_FINDING.name(), SOURCE, "redesign", FINDING, YieldFinding.ZERO_YIELD.label()))
                .isEqualTo(1);
        assertThat(first.value(SOURCE_COVERAGE_FINDING.name(), SOURCE, "phoneless", FIELD, ItemField.PHONE.label()))
                .isEqualTo(1);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void eachJobCarriesItsYieldAndFieldCoverage() {
        assertThat(redesignFirst.path("quality").path("items").asInt()).isEqualTo(10);
        assertThat(redesignFirst.path("quality").path("fields").path("phone_valid").asDouble()).isEqualTo(1.0);
        assertThat(redesignFirst.path("quality").path("fields").path("email").asDouble()).isZero();
        assertThat(redesignFirst.path("warnings")).isEmpty();
    }

    @Test
    void aRedesignedSourceCompletesWithAWarningAndAZeroYieldFinding() throws Exception {
        assertThat(redesignSecond.path("status").asText()).isEqualTo("completed");
        assertThat(redesignSecond.path("quality").path("items").asInt()).isZero();
        assertThat(redesignSecond.path("warnings")).extracting(JsonNode::asText).containsExactly(
                "the item selector matched nothing on page 1", "no items found (median of the last job: 10 items)");

        JsonNode health = get("/api/sources/" + sources.get("redesign")).path("health");
        assertThat(health.path("lastJobId").asLong()).isEqualTo(redesignSecond.path("id").asLong());
        assertThat(health.path("findings")).singleElement()
                .satisfies(f -> assertThat(f.path("kind").asText()).isEqualTo("zero_yield"));
        assertThat(scrape.value(SOURCE_YIELD_FINDING.name(), SOURCE, "redesign", FINDING, YieldFinding.ZERO_YIELD.label()))
                .isEqualTo(1);
        assertThat(scrape.value(SOURCE_LAST_JOB_ITEMS.name(), SOURCE, "redesign")).isZero();
        assertThat(scrape.value(SOURCE_BASELINE_ITEMS.name(), SOURCE, "redesign")).isEqualTo(10);
    }

    @Test
    void aSourceThatStopsShowingPhonesRaisesCoverageFindings() {
        assertThat(phonelessSecond.path("warnings")).extracting(JsonNode::asText).containsExactly(
                "phone on 0 of 10 items (median of the last job: 100 %)",
                "valid phone on 0 of 10 items (median of the last job: 100 %)");
        assertThat(scrape.value(SOURCE_COVERAGE_FINDING.name(), SOURCE, "phoneless", FIELD, ItemField.PHONE.label()))
                .isEqualTo(1);
        assertThat(scrape.value(SOURCE_COVERAGE_FINDING.name(), SOURCE, "phoneless", FIELD, ItemField.NAME.label()))
                .isZero();
        assertThat(scrape.value(SOURCE_YIELD_FINDING.name(), SOURCE, "phoneless", FINDING, YieldFinding.ZERO_YIELD.label()))
                .isZero();
    }

    @Test
    void aListingThatShrinksByAFifthRaisesNothing() {
        assertThat(shrinkingSecond.path("warnings")).isEmpty();
        assertThat(scrape.named(SOURCE_YIELD_FINDING.name()).stream()
                .filter(s -> s.labels().get(SOURCE).equals("shrinking"))).hasSize(2).allMatch(s -> s.value() == 0);
        assertThat(scrape.named(SOURCE_COVERAGE_FINDING.name()).stream()
                .filter(s -> s.labels().get(SOURCE).equals("shrinking"))).hasSize(7).allMatch(s -> s.value() == 0);
    }

    @Test
    void theCountersAddUpBothJobs() {
        assertThat(scrape.value(SCRAPING_ITEMS_FOUND.name(), SOURCE, "redesign")).isEqualTo(10);
        assertThat(scrape.value(SCRAPING_ITEMS_FOUND.name(), SOURCE, "shrinking")).isEqualTo(18);
        assertThat(scrape.value(SCRAPING_ITEM_FIELDS.name(), SOURCE, "phoneless", FIELD, ItemField.PHONE.label()))
                .isEqualTo(10);
        assertThat(scrape.value(SCRAPING_ITEM_FIELDS.name(), SOURCE, "phoneless", FIELD, ItemField.NAME.label()))
                .isEqualTo(20);
        assertThat(scrape.value(SCRAPING_ITEM_FIELDS.name(), SOURCE, "redesign", FIELD, ItemField.EMAIL.label()))
                .as("born at 0").isZero();
    }

    @Test
    void aDeletedSourceLeavesTheFindings() throws Exception {
        serve("short-lived", listing(400, 3, true));
        long id = createSource("short-lived");
        runJob(id);
        assertThat(service.scrape().named(SOURCE_YIELD_FINDING.name()))
                .anyMatch(s -> s.labels().get(SOURCE).equals("short-lived"));
        HttpResponse<String> deleted = service.delete("/api/sources/" + id);
        assertThat(deleted.statusCode()).isEqualTo(204);
        ParsedScrape after = service.scrape();
        assertThat(after.named(SOURCE_YIELD_FINDING.name())).noneMatch(s -> s.labels().get(SOURCE).equals("short-lived"));
        assertThat(after.named(SCRAPING_ITEMS_FOUND.name())).noneMatch(s -> s.labels().get(SOURCE).equals("short-lived"));
    }

    private static String listing(int firstPhone, int items, boolean phones) {
        ListingPage page = new ListingPage();
        for (int i = 0; i < items; i++) {
            page.add(ListingPage.Item.named("가게 " + (firstPhone + i), phones ? "02-777-" + (1000 + firstPhone + i) : null));
        }
        return page.html();
    }

    private void serve(String source, String html) {
        service.site().serve("/quality/" + source + ".html", "text/html; charset=UTF-8", html);
    }

    private long createSource(String name) throws Exception {
        long id = service.createSource(Map.of("name", name, "startUrl", service.site().baseUrl() + "/quality/" + name + ".html",
                "selectors", FixtureSite.selectors(), "maxPages", 1, "delayMillis", 0));
        sources.put(name, id);
        return id;
    }

    private JsonNode runJob(long sourceId) throws Exception {
        String path = "/api/jobs/" + service.postJob(sourceId);
        return ServiceWithSite.pollUntil(() -> get(path), job -> job.path("quality").isObject());
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(service.get(path));
    }
}
