package com.krleads.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.api.JobResponse;
import com.krleads.scraper.api.LeadResponse;
import com.krleads.scraper.api.PageResponse;
import com.krleads.scraper.api.SourceResponse;
import com.krleads.scraper.core.JobCounts;
import com.krleads.scraper.core.JobRunner;
import com.krleads.scraper.core.LeadDraft;
import com.krleads.scraper.core.LeadStore;
import com.krleads.scraper.core.PipelineEvents;
import com.krleads.scraper.core.StoreResult;
import com.krleads.scraper.core.UrlGuard;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's wiring with workers on: a job posted through the API is claimed by a
 * worker, run by the configured job runner, and its leads are stored through the lead store
 * the application hands to it. The runner here stands in for the scraping pipeline only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApplicationWiringIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = new DropwizardAppExtension<>(
            StoringApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", TestDatabase.h2Url("wiring-" + UUID.randomUUID())));

    /** Stores three fixed drafts, one of them twice: two new leads and one update. */
    public static class StoringApplication extends LeadScraperApplication {
        @Override
        protected JobRunner jobRunner(LeadScraperConfiguration config, Environment environment, LeadStore store,
                                      UrlGuard urlGuard, PipelineEvents events) {
            return (job, source, control) -> {
                List<LeadDraft> drafts = List.of(
                        new LeadDraft("청솔 약국", "+8227771234", null, null, "서울 종로구 1", null, "selector", null, null),
                        new LeadDraft("바다 서점", "+82517771234", "book@bada.kr", null, "부산 중구 2", null, "selector",
                                null, null),
                        new LeadDraft("청솔약국", "+8227771234", "pharm@cheongsol.kr", null, null, null, "heuristic",
                                null, null));
                int created = 0;
                int updated = 0;
                for (LeadDraft draft : drafts) {
                    StoreResult result = store.store(source.id(), draft);
                    created += result.created() ? 1 : 0;
                    updated += result.created() ? 0 : 1;
                }
                control.pageDone(new JobCounts(1, created, updated, 0));
                return new JobCounts(1, created, updated, 0);
            };
        }
    }

    @Test
    void aPostedJobIsRunByAWorkerAndItsLeadsAreStored() throws InterruptedException {
        String base = "http://localhost:" + APP.getLocalPort() + "/api";
        SourceResponse source = APP.client().target(base + "/sources").request()
                .post(Entity.entity(Map.of("name", "wiring", "startUrl", "http://127.0.0.1:9/list",
                        "selectors", Map.of("item", ".listing")), MediaType.APPLICATION_JSON), SourceResponse.class);
        JobResponse job = APP.client().target(base + "/jobs").request()
                .post(Entity.entity(Map.of("sourceId", source.id()), MediaType.APPLICATION_JSON), JobResponse.class);

        JobResponse done = job;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.status().equals("completed") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            done = APP.client().target(base + "/jobs/" + job.id()).request().get(JobResponse.class);
        }

        assertThat(done.status()).isEqualTo("completed");
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.results()).isEqualTo(new JobResponse.Results(2, 1, 0));
        PageResponse<LeadResponse> leads = APP.client().target(base + "/leads").request()
                .get(new GenericType<PageResponse<LeadResponse>>() { });
        assertThat(leads.total()).isEqualTo(2);
        assertThat(leads.items()).extracting(LeadResponse::email).containsExactlyInAnyOrder("pharm@cheongsol.kr",
                "book@bada.kr");
    }

    @Test
    void theQueueHealthCheckSeesLiveWorkers() {
        Map<String, Map<String, Object>> health = APP.client()
                .target("http://localhost:" + APP.getAdminPort() + "/healthcheck").request()
                .get(new GenericType<Map<String, Map<String, Object>>>() { });
        assertThat(health.get("queue")).containsEntry("healthy", true);
    }
}
