package com.krleads.scraper.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.scraper.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write the API acknowledged with a 2xx is there after {@code kill -9} and a restart:
 * on the embedded default (the H2 file URL of config.yml, as shipped) and on PostgreSQL.
 * H2 flushes its log every {@code WRITE_DELAY} ms (500 by default), so without
 * {@code WRITE_DELAY=0} in the URL the last writes before the kill are lost. PostgreSQL commits
 * through its own server process, which the kill does not touch; the case is here to show it.
 */
class AcknowledgedWritesSurviveKillIT {
    private static final int WRITES = 25;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void onTheEmbeddedH2Default() throws Exception {
        assertSurvivesKill(Map.of());
    }

    @Test
    void onPostgres() throws Exception {
        assertSurvivesKill(TestDatabase.POSTGRES.appEnvironment());
    }

    private void assertSurvivesKill(Map<String, String> env) throws Exception {
        AppProcess first = AppProcess.start(workDir, env, "first.log");
        try {
            for (int i = 0; i < WRITES; i++) {
                HttpResponse<String> created = post(first.port(), "/api/sources", """
                        {"name": "source-%d", "startUrl": "http://203.0.113.10/list/%d",
                         "selectors": {"item": ".listing"}}""".formatted(i, i));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
        } finally {
            first.kill();
        }

        AppProcess second = AppProcess.start(workDir, env, "second.log");
        try {
            HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + second.port() + "/api/sources")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(list.body())).hasSize(WRITES);
        } finally {
            second.stop();
        }
    }

    private static HttpResponse<String> post(int port, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
