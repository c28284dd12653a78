package com.krleads.scraper.resources;

import static com.krleads.scraper.resources.ApiTestSupport.api;
import static com.krleads.scraper.resources.ApiTestSupport.assertError;
import static com.krleads.scraper.resources.ApiTestSupport.count;
import static com.krleads.scraper.resources.ApiTestSupport.postJson;
import static com.krleads.scraper.resources.ApiTestSupport.putJson;
import static com.krleads.scraper.resources.ApiTestSupport.sourceJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.api.ErrorResponse;
import com.krleads.scraper.api.SourceResponse;
import com.krleads.scraper.queue.JobQueue;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class SourceResourceIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = ApiTestSupport.apiOnlyApp("sources");
    static final String PUBLIC_URL = "http://203.0.113.10/seoul/food";
    private Jdbi jdbi;

    @BeforeEach
    void cleanDatabase() {
        jdbi = ApiTestSupport.jdbi(APP);
        jdbi.useHandle(h -> h.execute("DELETE FROM sources"));
    }

    private SourceResponse create(String name) {
        Response response = postJson(APP, "/sources", sourceJson(name, PUBLIC_URL, 5));
        assertThat(response.getStatus()).isEqualTo(201);
        return response.readEntity(SourceResponse.class);
    }

    @Nested
    class Crud {
        @Test
        void createsReadsUpdatesAndDeletesASource() {
            Response created = postJson(APP, "/sources", sourceJson("seoul-restaurants", PUBLIC_URL, 5));
            assertThat(created.getStatus()).isEqualTo(201);
            SourceResponse source = created.readEntity(SourceResponse.class);
            assertThat(created.getLocation().getPath()).isEqualTo("/api/sources/" + source.id());
            assertThat(source.name()).isEqualTo("seoul-restaurants");
            assertThat(source.selectors().item()).isEqualTo(".listing");
            assertThat(source.maxPages()).isEqualTo(5);
            assertThat(source.enabled()).isTrue();

            assertThat(api(APP, "/sources/" + source.id()).request().get(SourceResponse.class)).isEqualTo(source);
            assertThat(api(APP, "/sources").request().get(new GenericType<List<SourceResponse>>() { }))
                    .containsExactly(source);

            Response updated = putJson(APP, "/sources/" + source.id(), sourceJson("seoul-food", PUBLIC_URL, 8));
            assertThat(updated.getStatus()).isEqualTo(200);
            assertThat(updated.readEntity(SourceResponse.class).maxPages()).isEqualTo(8);

            assertThat(api(APP, "/sources/" + source.id()).request().delete().getStatus()).isEqualTo(204);
            assertThat(count(jdbi, "sources")).isZero();
        }

        @Test
        void unknownIdsAre404() {
            assertError(api(APP, "/sources/424242").request().get(), 404, "not_found", null);
            assertError(api(APP, "/sources/abc").request().get(), 404, "not_found", null);
            assertError(putJson(APP, "/sources/424242", sourceJson("x", PUBLIC_URL, 5)), 404, "not_found", null);
            assertError(api(APP, "/sources/424242").request().delete(), 404, "not_found", null);
        }

        @Test
        void anUnknownPathIsA404InTheSameShape() {
            assertError(api(APP, "/nothing-here").request().get(), 404, "not_found", null);
        }
    }

    @Nested
    class BadInput {
        @Test
        void malformedJsonIs400() {
            assertError(postJson(APP, "/sources", "{\"name\": \"broken\", "), 400, "malformed_json", null);
            assertThat(count(jdbi, "sources")).isZero();
        }

        @Test
        void aWrongTypeIs400NamingTheField() {
            String json = sourceJson("typed", PUBLIC_URL, 5).replace("\"maxPages\": 5", "\"maxPages\": \"five\"");
            assertError(postJson(APP, "/sources", json), 400, "malformed_json", "maxPages");
            assertThat(count(jdbi, "sources")).isZero();
        }

        @Test
        void anEmptyBodyIs400() {
            assertError(postJson(APP, "/sources", ""), 400, "malformed_json", null);
            assertThat(count(jdbi, "sources")).isZero();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "missing name|{\"startUrl\": \"http://203.0.113.10/\", \"selectors\": {\"item\": \".x\"}}|name",
            "missing start URL|{\"name\": \"a\", \"selectors\": {\"item\": \".x\"}}|startUrl",
            "not a URL|{\"name\": \"a\", \"startUrl\": \"http://bad host/\", \"selectors\": {\"item\": \".x\"}}|startUrl",
            "ftp scheme|{\"name\": \"a\", \"startUrl\": \"ftp://203.0.113.10/\", \"selectors\": {\"item\": \".x\"}}|startUrl",
            "no selectors|{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\"}|selectors.item",
            "blank item selector|{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\", \"selectors\": {\"item\": \" \"}}|selectors.item",
            "invalid CSS|{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\", \"selectors\": {\"item\": \"div[\"}}|selectors.item",
            "negative delay|{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\", \"selectors\": {\"item\": \".x\"}, \"delayMillis\": -1}|delayMillis"
        })
        void invalidFieldsAre422NamingTheField(String label, String json, String field) {
            assertError(postJson(APP, "/sources", json), 422, "validation_failed", field);
            assertThat(count(jdbi, "sources")).isZero();
        }

        /** The answer does not depend on the order in which the constraints happen to be checked. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "blank name, bad URL, bad item|{\"name\": \" \", \"startUrl\": \"http://bad host/\", \"selectors\": {\"item\": \"div[\"}}|name",
            "bad URL, no item|{\"name\": \"a\", \"startUrl\": \"ftp://203.0.113.10/\", \"selectors\": {\"name\": \"div[\"}}|startUrl",
            "long and bad URL|{\"name\": \"a\", \"startUrl\": \"http://bad host/%s\", \"selectors\": {\"item\": \".x\"}}|startUrl",
            "bad item, phone, next page|{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\", \"selectors\": {\"nextPage\": \"a[\", \"phone\": \"p[\", \"item\": \"div:matches(x)\"}}|selectors.item",
            "bad phone, next page|{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\", \"selectors\": {\"nextPage\": \"a[\", \"item\": \".x\", \"phone\": \"p[\"}}|selectors.phone",
            "bad item, no pages|{\"name\": \"a\", \"startUrl\": \"http://203.0.113.10/\", \"selectors\": {\"item\": \"div[\"}, \"maxPages\": 0}|selectors.item"
        })
        void severalFaultsAreNamedByTheFirstInTheBodysOrder(String label, String json, String field) {
            ErrorResponse error = assertError(postJson(APP, "/sources", json.formatted("x".repeat(2100))), 422,
                    "validation_failed", field);
            if (label.startsWith("long")) {
                assertThat(error.message()).contains("2048");
            }
            assertThat(count(jdbi, "sources")).isZero();
        }

        @ParameterizedTest
        @CsvSource({"0", "101", "-3"})
        void maxPagesOutOfRangeIs422(int maxPages) {
            assertError(postJson(APP, "/sources", sourceJson("pages", PUBLIC_URL, maxPages)), 422,
                    "validation_failed", "maxPages");
            assertThat(count(jdbi, "sources")).isZero();
        }

        @ParameterizedTest
        @CsvSource({"http://127.0.0.1:8080/admin", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/",
            "http://192.168.1.1/", "http://[::1]/", "http://[::ffff:0:7f00:1]/", "http://[2001:0:4136:e378::1]/",
            "http://168.63.129.16/", "http://[fd00:ec2::254]/", "http://203.0.113.10:22/", "https://203.0.113.10:6379/"})
        void privateAddressesAndPortsGetOneGenericRefusal(String url) {
            ErrorResponse error = assertError(postJson(APP, "/sources", sourceJson("private", url, 5)), 422,
                    "refused_address", "startUrl");
            assertThat(error.message()).isEqualTo(com.krleads.scraper.core.net.RefusedUrlException.NOT_ALLOWED);
            assertThat(count(jdbi, "sources")).isZero();
        }

        @ParameterizedTest
        @CsvSource(delimiterString = "=>", textBlock = """
                item => article:matches((a|a)+$)
                item => div:matchesOwn(^x)
                name => h2:MATCHESWHOLETEXT((x+x+)+y)
                name => h2:matchesWholeOwnText(.*)
                website => a[href~=(a|aa)+]
                """)
        void regexSelectorsAreRefusedWith422NamingTheSelector(String field, String selector) {
            String json = sourceJson("regex", PUBLIC_URL, 5).replace(
                    field.equals("item") ? "\".listing\"" : field.equals("name") ? "\".name\"" : "\"a.homepage\"",
                    "\"" + selector + "\"");
            ErrorResponse error = assertError(postJson(APP, "/sources", json), 422, "validation_failed",
                    "selectors." + field);
            assertThat(error.message()).contains(selector);
            assertThat(count(jdbi, "sources")).isZero();
        }

        @Test
        void aTakenNameIs409() {
            create("taken");
            assertError(postJson(APP, "/sources", sourceJson("taken", PUBLIC_URL, 5)), 409, "duplicate_name", "name");
            assertThat(count(jdbi, "sources")).isEqualTo(1);
        }

        @Test
        void renamingOntoATakenNameIs409AndChangesNothing() {
            create("first");
            SourceResponse second = create("second");
            assertError(putJson(APP, "/sources/" + second.id(), sourceJson("first", PUBLIC_URL, 9)), 409,
                    "duplicate_name", "name");
            SourceResponse unchanged = api(APP, "/sources/" + second.id()).request().get(SourceResponse.class);
            assertThat(unchanged.name()).isEqualTo("second");
            assertThat(unchanged.maxPages()).isEqualTo(5);
        }

        @Test
        void anInvalidUpdateChangesNothing() {
            SourceResponse source = create("stable");
            assertError(putJson(APP, "/sources/" + source.id(), sourceJson("stable", PUBLIC_URL, 0)), 422,
                    "validation_failed", "maxPages");
            assertThat(api(APP, "/sources/" + source.id()).request().get(SourceResponse.class)).isEqualTo(source);
        }

        @Test
        void aBodyOverTheLimitIs413() {
            String huge = sourceJson("x".repeat(70 * 1024), PUBLIC_URL, 5);
            assertError(postJson(APP, "/sources", huge), 413, "body_too_large", null);
            assertThat(count(jdbi, "sources")).isZero();
        }

        @Test
        void aChunkedBodyOverTheLimitIs413() {
            String huge = sourceJson("y".repeat(70 * 1024), PUBLIC_URL, 5);
            Response response = api(APP, "/sources").request()
                    .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED)
                    .post(Entity.entity(huge, MediaType.APPLICATION_JSON));
            assertError(response, 413, "body_too_large", null);
            assertThat(count(jdbi, "sources")).isZero();
        }

        @Test
        void aChunkedBodyUnderTheLimitIsAccepted() {
            Response response = api(APP, "/sources").request()
                    .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED)
                    .post(Entity.entity(sourceJson("chunked", PUBLIC_URL, 5), MediaType.APPLICATION_JSON));
            assertThat(response.getStatus()).isEqualTo(201);
        }

        @Test
        void deletingASourceWithARunningJobIs409() {
            SourceResponse source = create("busy");
            JobQueue queue = new JobQueue(jdbi, Clock.systemUTC(), 3, Duration.ofSeconds(1));
            queue.enqueue(source.id(), JobQueue.SCRAPING);
            queue.claim(JobQueue.SCRAPING, "test-worker", Duration.ofMinutes(1)).orElseThrow();

            assertError(api(APP, "/sources/" + source.id()).request().delete(), 409, "source_busy", null);
            assertThat(count(jdbi, "sources")).isEqualTo(1);
            assertThat(count(jdbi, "jobs")).isEqualTo(1);
        }
    }
}
