package com.krleads.scraper;

import static com.krleads.metrics.Labels.CHECK;
import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.QUEUE_NAME;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_ERRORS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.metrics.ParsedScrape;
import com.krleads.scraper.testing.AppOnPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service on a real PostgreSQL that goes away: requests that need the database fail with a
 * clean 500, and the admin port keeps answering, so Prometheus sees the outage (the database
 * health check at 0, the 5xx and the exception counted) instead of losing the target.
 */
class DatabaseOutageIT {
    private static final AdminScraper HTTP = new AdminScraper();
    private static AppOnPostgres world;
    private static DropwizardTestSupport<LeadScraperConfiguration> app;

    @BeforeAll
    static void startOnPostgres() throws Exception {
        world = AppOnPostgres.start(ConfigOverride.config("worker.enabled", "false"));
        app = world.app();
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void anOutageIsA500AndVisibleInTheMetrics() throws Exception {
        assertThat(HTTP.get(app.getLocalPort(), "/api/sources").statusCode()).isEqualTo(200);

        world.stopDatabase();
        HttpResponse<String> failed = HTTP.get(app.getLocalPort(), "/api/sources");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("\"code\":500").doesNotContain("postgres", "jdbc", "Exception");
        ParsedScrape scrape = HTTP.scrape(app.getAdminPort());
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, "/api/sources", STATUS, "500")).isEqualTo(1);
        assertThat(scrape.named(HTTP_ERRORS.name())).singleElement()
                .satisfies(series -> assertThat(series.labels()).containsEntry(ENDPOINT, "/api/sources"));
        assertThat(scrape.value(HEALTH_CHECK_STATUS.name(), CHECK, "database")).isZero();
        assertThat(scrape.value(QUEUE_SIZE.name(), QUEUE_NAME, "scraping")).isNaN();
    }
}
