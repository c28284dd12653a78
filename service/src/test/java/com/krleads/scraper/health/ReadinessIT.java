package com.krleads.scraper.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.logging.RequestIdFilter;
import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.testing.AppOnPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Liveness and readiness on the admin port of the service on a real PostgreSQL: a stale queue (the
 * same on every replica) leaves the replica ready; losing its database makes it unready but alive.
 * On the way, every answer of the application port carries its request id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessIT {
    private static final AdminScraper HTTP = new AdminScraper();
    private static final String READY = "/health-check?type=ready";
    private static final String ALIVE = "/health-check?type=alive";
    private static AppOnPostgres world;
    private static DropwizardTestSupport<LeadScraperConfiguration> app;

    @BeforeAll
    static void startOnPostgres() throws Exception {
        world = AppOnPostgres.start(ConfigOverride.config("worker.enabled", "false"),
                // No worker and no patience: one queued job makes the queue check fail.
                ConfigOverride.config("worker.maxQueuedAge", "1ms"));
        app = world.app();
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void aStaleQueueFailsTheQueueCheckButNotReadiness() throws Exception {
        HttpResponse<String> source = HTTP.postJson(app.getLocalPort(), "/api/sources",
                "{\"name\": \"waiting\", \"startUrl\": \"http://127.0.0.1:9/\", \"selectors\": {\"item\": \".x\"}}");
        assertThat(source.statusCode()).as(source.body()).isEqualTo(201);
        String id = source.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(HTTP.postJson(app.getLocalPort(), "/api/jobs", "{\"sourceId\": " + id + "}").statusCode())
                .isEqualTo(202);

        awaitStatus("/healthcheck", 500);
        awaitBody("/health-check?name=queue", "\"healthy\":false");
        assertThat(HTTP.get(app.getAdminPort(), READY).statusCode()).isEqualTo(200);
        assertThat(HTTP.get(app.getAdminPort(), ALIVE).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void everyResponseCarriesARequestId() {
        HttpResponse<String> chosen = HTTP.get(app.getLocalPort(), "/api/sources", RequestIdFilter.HEADER, "abc-123");
        HttpResponse<String> unusable = HTTP.get(app.getLocalPort(), "/api/sources", RequestIdFilter.HEADER, "a b\"c");
        HttpResponse<String> missing = HTTP.get(app.getLocalPort(), "/api/nothing-here");

        assertThat(chosen.headers().firstValue(RequestIdFilter.HEADER)).hasValue("abc-123");
        assertThat(unusable.headers().firstValue(RequestIdFilter.HEADER)).get().asString().matches("[0-9a-f-]{36}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue(RequestIdFilter.HEADER)).get().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    @Order(3)
    void withoutItsDatabaseTheReplicaIsAliveButNotReady() throws Exception {
        assertThat(HTTP.get(app.getAdminPort(), READY).statusCode()).isEqualTo(200);

        world.stopDatabase();

        awaitStatus(READY, 503);
        assertThat(HTTP.get(app.getAdminPort(), ALIVE).statusCode()).isEqualTo(200);
        assertThat(HTTP.get(app.getAdminPort(), "/health-check?name=database").body()).contains("\"healthy\":false");
    }

    private static void awaitBody(String path, String part) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = HTTP.get(app.getAdminPort(), path).body();
            if (last.contains(part)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(last).as("%s after 20 s", path).contains(part);
    }

    private static void awaitStatus(String path, int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = HTTP.get(app.getAdminPort(), path).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(last).as("%s after 20 s", path).isEqualTo(status);
    }
}
