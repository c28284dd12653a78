package com.krleads.scraper.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin extras come back when configured (AuthIT checks that they are off by default). */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminEndpointsIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = new DropwizardAppExtension<>(
            LeadScraperApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", TestDatabase.h2Url("admin-" + UUID.randomUUID())),
            ConfigOverride.config("worker.enabled", "false"),
            ConfigOverride.config("adminEndpoints.tasks", "true"),
            ConfigOverride.config("adminEndpoints.threadDump", "true"),
            ConfigOverride.config("adminEndpoints.metricsJson", "true"));
    private static final AdminScraper HTTP = new AdminScraper();

    @Test
    void configuredExtrasAreServedAndTheOthersStayOff() throws Exception {
        int port = APP.getAdminPort();
        assertThat(HTTP.get(port, "/threads").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(port, "/metrics.json").statusCode()).isEqualTo(200);
        assertThat(HTTP.postJson(port, "/tasks/gc", "").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(port, "/pprof").statusCode()).as("cpu profile not switched on").isEqualTo(404);
        assertThat(HTTP.get(port, "/metrics").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(port, "/healthcheck").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(port, "/health-check?type=ready").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(port, "/health-check?type=alive").statusCode()).isEqualTo(200);
        assertThat(HTTP.get(APP.getLocalPort(), "/health-check").statusCode()).as("not on the application port")
                .isEqualTo(404);
    }
}
