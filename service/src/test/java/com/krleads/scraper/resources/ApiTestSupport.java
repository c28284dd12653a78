package com.krleads.scraper.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.api.ErrorResponse;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The real application on test-config.yml with a database of its own, and request helpers. */
final class ApiTestSupport {
    private ApiTestSupport() {
    }

    /** API-only (no workers, so jobs stay as the test leaves them), private addresses refused. */
    static DropwizardAppExtension<LeadScraperConfiguration> apiOnlyApp(String dbName) {
        return new DropwizardAppExtension<>(LeadScraperApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", TestDatabase.h2Url(dbName + "-" + UUID.randomUUID())),
                ConfigOverride.config("worker.enabled", "false"),
                ConfigOverride.config("scraper.allowPrivateAddresses", "false"));
    }

    static Jdbi jdbi(DropwizardAppExtension<LeadScraperConfiguration> app) {
        LeadScraperConfiguration config = app.getConfiguration();
        return Jdbi.create(config.database.getUrl(), config.database.getUser(), config.database.getPassword())
                .installPlugin(new SqlObjectPlugin());
    }

    static WebTarget api(DropwizardAppExtension<LeadScraperConfiguration> app, String path) {
        return app.client().target("http://localhost:" + app.getLocalPort() + "/api" + path);
    }

    static Response postJson(DropwizardAppExtension<LeadScraperConfiguration> app, String path, String json) {
        return api(app, path).request(MediaType.APPLICATION_JSON).post(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    static Response putJson(DropwizardAppExtension<LeadScraperConfiguration> app, String path, String json) {
        return api(app, path).request(MediaType.APPLICATION_JSON).put(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    static long count(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** Asserts the status and the JSON error body; returns the error for further checks. */
    static ErrorResponse assertError(Response response, int status, String code, String field) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        ErrorResponse error = response.readEntity(ErrorResponse.class);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.message()).isNotBlank();
        assertThat(error.field()).isEqualTo(field);
        return error;
    }

    static String sourceJson(String name, String startUrl, int maxPages) {
        return """
                {"name": "%s", "startUrl": "%s",
                 "selectors": {"item": ".listing", "name": ".name", "phone": ".tel",
                               "email": "a[href^=mailto]", "website": "a.homepage", "address": ".addr",
                               "category": ".cat", "nextPage": "a.next"},
                 "maxPages": %d, "delayMillis": 500}
                """.formatted(name, startUrl, maxPages);
    }
}
