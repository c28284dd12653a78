package com.krleads.scraper.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads take from a per-key allowance (keys off: one shared); past it, 429 with Retry-After. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReadLimitIT {
    private static final int READS = 5;
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = new DropwizardAppExtension<>(
            LeadScraperApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", TestDatabase.h2Url("reads-" + UUID.randomUUID())),
            ConfigOverride.config("worker.enabled", "false"),
            ConfigOverride.config("limits.readsPerKey", String.valueOf(READS)),
            ConfigOverride.config("limits.readsPerKeyPeriod", "1h"));

    @Test
    void readsPastTheAllowanceAreRefusedWith429AndRetryAfter() {
        AdminScraper http = new AdminScraper();
        for (int i = 0; i < READS; i++) {
            assertThat(http.get(APP.getLocalPort(), "/api/leads").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = http.get(APP.getLocalPort(), "/api/leads");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("[1-9][0-9]*"));
        assertThat(limited.body()).contains("\"code\":\"rate_limited\"");
        assertThat(http.get(APP.getLocalPort(), "/api/jobs").statusCode()).isEqualTo(429);
        // The admin port (probes, Prometheus) is not an API read.
        assertThat(http.get(APP.getAdminPort(), "/ping").statusCode()).isEqualTo(200);
    }
}
