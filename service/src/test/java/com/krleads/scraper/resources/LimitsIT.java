package com.krleads.scraper.resources;

import static com.krleads.scraper.resources.ApiTestSupport.assertError;
import static com.krleads.scraper.resources.ApiTestSupport.count;
import static com.krleads.scraper.resources.ApiTestSupport.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits with API keys off: every caller shares one job allowance, and the politeness
 * minimum holds for every source written through the API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LimitsIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = new DropwizardAppExtension<>(
            LeadScraperApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", TestDatabase.h2Url("limits-" + UUID.randomUUID())),
            ConfigOverride.config("worker.enabled", "false"),
            ConfigOverride.config("limits.minDelay", "750ms"),
            ConfigOverride.config("limits.jobsPerKey", "2"));

    @Test
    void withoutKeysAllCallersShareOneJobAllowance() {
        Jdbi jdbi = ApiTestSupport.jdbi(APP);
        long[] sources = {Fixtures.insertSource(jdbi, "shared-a"), Fixtures.insertSource(jdbi, "shared-b"),
                Fixtures.insertSource(jdbi, "shared-c")};
        assertThat(postJson(APP, "/jobs", "{\"sourceId\": " + sources[0] + "}").getStatus()).isEqualTo(202);
        assertThat(postJson(APP, "/jobs", "{\"sourceId\": " + sources[1] + "}").getStatus()).isEqualTo(202);

        // Plain HTTP: the Jersey test client would honour Retry-After and wait half an hour.
        HttpResponse<String> limited = new AdminScraper().postJson(APP.getLocalPort(), "/api/jobs",
                "{\"sourceId\": " + sources[2] + "}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("[1-9][0-9]*"));
        assertThat(limited.body()).contains("\"code\":\"rate_limited\"");
        assertThat(count(jdbi, "jobs")).isEqualTo(2);
    }

    @Test
    void aSourceCannotAskForLessThanThePolitenessMinimum() {
        String tooFast = ApiTestSupport.sourceJson("too-fast", "http://203.0.113.10/list", 1).replace("500", "749");
        assertThat(assertError(postJson(APP, "/sources", tooFast), 422, "validation_failed", "delayMillis").message())
                .contains("750");

        Response atTheMinimum = postJson(APP, "/sources", tooFast.replace("749", "750"));
        assertThat(atTheMinimum.getStatus()).isEqualTo(201);
        String noDelayAsked = ApiTestSupport.sourceJson("no-delay-asked", "http://203.0.113.10/list", 1)
                .replace(", \"delayMillis\": 500", "");
        Response defaulted = postJson(APP, "/sources", noDelayAsked);
        assertThat(defaulted.getStatus()).isEqualTo(201);
        assertThat(defaulted.readEntity(java.util.Map.class).get("delayMillis")).isEqualTo(1000);
    }
}
