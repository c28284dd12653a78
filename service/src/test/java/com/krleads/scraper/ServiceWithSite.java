package com.krleads.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.metrics.ParsedScrape;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The whole service in one JVM (test-config.yml on a fresh database of the given kind) and the
 * fixture site it scrapes on loopback, stopped together; the API calls of the end-to-end tests.
 */
final class ServiceWithSite implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final AdminScraper HTTP = new AdminScraper();

    private final FixtureSite site;
    private final ConfigOverride[] overrides;
    private DropwizardTestSupport<LeadScraperConfiguration> app;

    private ServiceWithSite(FixtureSite site, ConfigOverride[] overrides) {
        this.site = site;
        this.overrides = overrides;
    }

    static ServiceWithSite start(TestDatabase database) throws Exception {
        ServiceWithSite started = new ServiceWithSite(FixtureSite.start(), database.appOverrides());
        try {
            started.startApp();
        } catch (Exception e) {
            started.site.close();
            throw e;
        }
        return started;
    }

    private void startApp() throws Exception {
        app = new DropwizardTestSupport<>(LeadScraperApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides);
        app.before();
    }

    /** The application stopped and started again on the same database. */
    void restartApp() throws Exception {
        app.after();
        startApp();
    }

    FixtureSite site() {
        return site;
    }

    ParsedScrape scrape() {
        return HTTP.scrape(app.getAdminPort());
    }

    long createSource(Map<String, Object> fields) throws Exception {
        HttpResponse<String> created = HTTP.postJson(app.getLocalPort(), "/api/sources", JSON.writeValueAsString(fields));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asLong();
    }

    /** The id of the job posted for the source. */
    long postJob(long sourceId) throws Exception {
        HttpResponse<String> posted = HTTP.postJson(app.getLocalPort(), "/api/jobs", "{\"sourceId\": " + sourceId + "}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return JSON.readTree(posted.body()).path("id").asLong();
    }

    /** The body of a 200 answer. */
    String get(String path) {
        HttpResponse<String> response = HTTP.get(app.getLocalPort(), path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    HttpResponse<String> delete(String path) {
        return HTTP.delete(app.getLocalPort(), path);
    }

    /** Reads until {@code done} holds, for 60 s at the most; the last reading. */
    static <T> T pollUntil(Callable<T> reading, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        T value = reading.call();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = reading.call();
        }
        return value;
    }

    @Override
    public void close() {
        try {
            app.after();
        } finally {
            site.close();
        }
    }
}
