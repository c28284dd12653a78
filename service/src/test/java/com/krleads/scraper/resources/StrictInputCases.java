package com.krleads.scraper.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input the API must refuse with a 422 naming the field, and never store: unknown fields,
 * fractions for whole numbers, control characters in strings and in {@code q=}. Run on both
 * databases ({@link StrictInputOnH2IT}, {@link StrictInputOnPostgresIT}) because NUL is where
 * they differ: H2 stores it, PostgreSQL fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StrictInputCases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String VALID = """
            {"name": "seoul-food", "startUrl": "http://203.0.113.10/seoul/food",
             "selectors": {"item": ".listing", "name": ".name"}, "maxPages": 5, "delayMillis": 500}""";

    private final TestDatabase database;
    private DropwizardTestSupport<LeadScraperConfiguration> app;

    StrictInputCases(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void start() throws Exception {
        ConfigOverride[] overrides = Stream.concat(Stream.of(database.appOverrides()),
                Stream.of(ConfigOverride.config("worker.enabled", "false"))).toArray(ConfigOverride[]::new);
        app = new DropwizardTestSupport<>(LeadScraperApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides);
        app.before();
    }

    @AfterAll
    void stop() {
        app.after();
    }

    @Test
    void aValidSourceIsStillAccepted() throws Exception {
        HttpResponse<String> created = send("POST", "/api/sources", VALID.replace("seoul-food", "valid-one"));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void anUnknownFieldIs422NamingIt() throws Exception {
        assertRefused(send("POST", "/api/sources", VALID.replace("\"maxPages\"", "\"maxPagez\": 3, \"maxPages\"")),
                "unknown_field", "maxPagez");
    }

    @Test
    void anUnknownNestedFieldIs422NamingItsPath() throws Exception {
        assertRefused(send("POST", "/api/sources", VALID.replace("\"item\"", "\"colour\": \"red\", \"item\"")),
                "unknown_field", "selectors.colour");
    }

    @Test
    void aFractionalMaxPagesIs422() throws Exception {
        assertRefused(send("POST", "/api/sources", VALID.replace("\"maxPages\": 5", "\"maxPages\": 1.5")),
                "validation_failed", "maxPages");
    }

    @Test
    void aFractionalSourceIdQueuesNoJob() throws Exception {
        HttpResponse<String> created = send("POST", "/api/sources", VALID.replace("seoul-food", "for-jobs"));
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertRefused(send("POST", "/api/jobs", "{\"sourceId\": " + id + ".7}"), "validation_failed", "sourceId");
        assertThat(JSON.readTree(send("GET", "/api/jobs", null).body())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\t", "\\n", "\\u007f", "\\u0085"})
    void aControlCharacterInTheNameIs422(String escaped) throws Exception {
        assertRefused(send("POST", "/api/sources", VALID.replace("seoul-food", "seoul" + escaped + "food")),
                "validation_failed", "name");
    }

    @Test
    void aNulInASelectorIs422NamingItsPath() throws Exception {
        assertRefused(send("POST", "/api/sources", VALID.replace("\".name\"", "\".na\\u0000me\"")),
                "validation_failed", "selectors.name");
    }

    @Test
    void aNulInAStartUrlIs422() throws Exception {
        assertRefused(send("POST", "/api/sources", VALID.replace("/seoul/food", "/seoul\\u0000/food")),
                "validation_failed", "startUrl");
    }

    @Test
    void aNulInTheSearchQueryIs422() throws Exception {
        String q = URLEncoder.encode("한식\u0000당", StandardCharsets.UTF_8);
        HttpResponse<String> response = send("GET", "/api/leads?q=" + q, null);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo("q");
    }

    private void assertRefused(HttpResponse<String> response, String code, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).isNotBlank();
        JsonNode sources = JSON.readTree(send("GET", "/api/sources", null).body());
        assertThat(sources).allSatisfy(s -> assertThat(s.get("name").asText()).isIn("valid-one", "for-jobs"));
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
