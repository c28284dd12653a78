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
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How far one read can reach on PostgreSQL: paging depth and the query timeout. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QueryBoundsOnPostgresIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = new DropwizardAppExtension<>(
            LeadScraperApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), overrides());
    private static final AdminScraper HTTP = new AdminScraper();

    private static ConfigOverride[] overrides() {
        List<ConfigOverride> all = new ArrayList<>(List.of(TestDatabase.POSTGRES.appOverrides()));
        all.add(ConfigOverride.config("worker.enabled", "false"));
        all.add(ConfigOverride.config("limits.queryTimeout", "1s"));
        return all.toArray(ConfigOverride[]::new);
    }

    @Test
    void pagingStopsAtTheOffsetLimitWithA422NamingIt() {
        assertThat(HTTP.get(APP.getLocalPort(), "/api/leads?page=201&size=50").statusCode()).isEqualTo(200);

        HttpResponse<String> tooDeep = HTTP.get(APP.getLocalPort(), "/api/leads?page=202&size=50");
        assertThat(tooDeep.statusCode()).isEqualTo(422);
        assertThat(tooDeep.body()).contains("\"field\":\"page\"").contains(String.valueOf(LeadResource.MAX_OFFSET));
        assertThat(HTTP.get(APP.getLocalPort(), "/api/leads?page=1000000").statusCode()).isEqualTo(422);
    }

    @Test
    void aQueryPastTheTimeoutIsCancelledAndAnswered503() {
        Jdbi jdbi = ApiTestSupport.jdbi(APP);
        // The table is locked, so the search waits: a slow statement, on any machine.
        try (Handle lock = jdbi.open()) {
            lock.begin();
            lock.execute("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE");
            HttpResponse<String> timedOut = HTTP.get(APP.getLocalPort(), "/api/leads?q=abc");
            lock.rollback();

            assertThat(timedOut.statusCode()).isEqualTo(503);
            assertThat(timedOut.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(timedOut.headers().firstValue("Retry-After")).isPresent();
            assertThat(timedOut.body()).contains("\"code\":\"query_timeout\"");
        }
        assertThat(HTTP.get(APP.getLocalPort(), "/api/leads?q=abc").statusCode()).isEqualTo(200);
    }
}
