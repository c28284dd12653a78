package com.krleads.scraper.resources;

import static com.krleads.scraper.resources.ApiTestSupport.api;
import static com.krleads.scraper.resources.ApiTestSupport.assertError;
import static com.krleads.scraper.resources.ApiTestSupport.count;
import static com.krleads.scraper.resources.ApiTestSupport.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.api.JobResponse;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class JobResourceIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = ApiTestSupport.apiOnlyApp("jobs");
    private Jdbi jdbi;
    private long sourceId;
    private JobQueue queue;

    @BeforeEach
    void cleanDatabase() {
        jdbi = ApiTestSupport.jdbi(APP);
        jdbi.useHandle(h -> h.execute("DELETE FROM sources"));
        sourceId = Fixtures.insertSource(jdbi, "daegu-bakeries");
        queue = new JobQueue(jdbi, Clock.systemUTC(), 3, Duration.ofSeconds(1));
    }

    private JobResponse post(long source) {
        Response response = postJson(APP, "/jobs", "{\"sourceId\": " + source + "}");
        assertThat(response.getStatus()).isEqualTo(202);
        return response.readEntity(JobResponse.class);
    }

    @Test
    void postingAJobQueuesIt() {
        JobResponse job = post(sourceId);

        assertThat(job.status()).isEqualTo("queued");
        assertThat(job.sourceId()).isEqualTo(sourceId);
        assertThat(job.results()).isEqualTo(new JobResponse.Results(0, 0, 0));
        assertThat(api(APP, "/jobs/" + job.id()).request().get(JobResponse.class)).isEqualTo(job);
    }

    @Test
    void theJobShowsItsResultsUnderTheNamesOfTheIssue() {
        long id = post(sourceId).id();
        queue.claim(JobQueue.SCRAPING, "w", Duration.ofMinutes(1)).orElseThrow();
        queue.complete(id, "w", new JobCounts(3, 10, 2, 1));

        Map<String, Object> json = api(APP, "/jobs/" + id).request().get(new GenericType<Map<String, Object>>() { });

        assertThat(json).containsEntry("status", "completed").containsEntry("pagesFetched", 3);
        assertThat(json.get("results")).isEqualTo(Map.of("new", 10, "updated", 2, "errors", 1));
    }

    @Test
    void listsJobsFilteredByStatus() {
        long first = post(sourceId).id();
        queue.cancel(first);
        long second = post(sourceId).id();

        List<JobResponse> queued = api(APP, "/jobs").queryParam("status", "queued").request()
                .get(new GenericType<List<JobResponse>>() { });
        List<JobResponse> all = api(APP, "/jobs").queryParam("limit", "10").request()
                .get(new GenericType<List<JobResponse>>() { });

        assertThat(queued).extracting(JobResponse::id).containsExactly(second);
        assertThat(all).extracting(JobResponse::id).containsExactly(second, first);
    }

    @Test
    void cancellingAQueuedJobCancelsItAtOnce() {
        long id = post(sourceId).id();

        Response response = api(APP, "/jobs/" + id + "/cancel").request().post(Entity.json(""));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(JobResponse.class).status()).isEqualTo("cancelled");
    }

    @Test
    void cancellingARunningJobAsksItToStop() {
        long id = post(sourceId).id();
        queue.claim(JobQueue.SCRAPING, "w", Duration.ofMinutes(1)).orElseThrow();

        Response response = api(APP, "/jobs/" + id + "/cancel").request().post(Entity.json(""));

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.readEntity(JobResponse.class).status()).isEqualTo("running");
        assertThat(queue.isCancelRequested(id)).isTrue();
    }

    @Test
    void cancellingACompletedJobIs409() {
        long id = post(sourceId).id();
        queue.claim(JobQueue.SCRAPING, "w", Duration.ofMinutes(1)).orElseThrow();
        queue.complete(id, "w", JobCounts.NONE);

        assertError(api(APP, "/jobs/" + id + "/cancel").request().post(Entity.json("")), 409, "invalid_state", null);
        assertThat(api(APP, "/jobs/" + id).request().get(JobResponse.class).status()).isEqualTo("completed");
    }

    @Test
    void aMissingSourceIdIs422() {
        assertError(postJson(APP, "/jobs", "{}"), 422, "validation_failed", "sourceId");
        assertError(postJson(APP, "/jobs", "null"), 422, "validation_failed", "sourceId");
        assertThat(count(jdbi, "jobs")).isZero();
    }

    @Test
    void anUnknownSourceIs404() {
        assertError(postJson(APP, "/jobs", "{\"sourceId\": 987654}"), 404, "not_found", "sourceId");
        assertThat(count(jdbi, "jobs")).isZero();
    }

    @Test
    void malformedJsonIs400() {
        assertError(postJson(APP, "/jobs", "{\"sourceId\": }"), 400, "malformed_json", null);
        assertThat(count(jdbi, "jobs")).isZero();
    }

    @Test
    void aDisabledSourceTakesNoJobs() {
        jdbi.useHandle(h -> h.execute("UPDATE sources SET enabled = FALSE"));
        assertError(postJson(APP, "/jobs", "{\"sourceId\": " + sourceId + "}"), 409, "source_disabled", "sourceId");
        assertThat(count(jdbi, "jobs")).isZero();
    }

    @Test
    void badQueryParametersAre422() {
        assertError(api(APP, "/jobs").queryParam("status", "sleeping").request().get(), 422,
                "validation_failed", "status");
        assertError(api(APP, "/jobs").queryParam("limit", "0").request().get(), 422, "validation_failed", "limit");
    }

    @Test
    void unknownJobsAre404() {
        assertError(api(APP, "/jobs/777777").request().get(), 404, "not_found", null);
        assertError(api(APP, "/jobs/777777/cancel").request().post(Entity.json("")), 404, "not_found", null);
    }
}
