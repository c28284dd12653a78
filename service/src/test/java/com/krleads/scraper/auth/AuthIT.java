package com.krleads.scraper.auth;

import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.scraper.auth.ApiEndpoints.Endpoint;
import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.metrics.ParsedScrape;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The application with API keys on, as configured for production: every endpoint against every
 * kind of caller, the 401/403/409/429 answers and their counts in http_requests_total, the keys
 * file re-read while running, the admin allow-list, and no token in any log line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AdminScraper SCRAPER = new AdminScraper();
    private static AuthTestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = AuthTestApp.start(Files.createDirectories(Path.of("target")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    enum Caller { NO_HEADER, UNKNOWN_KEY, BASIC_SCHEME, READER, OPERATOR }

    private static String header(Caller caller) {
        return switch (caller) {
            case NO_HEADER -> null;
            case UNKNOWN_KEY -> "Bearer " + ApiTokens.newToken();
            case BASIC_SCHEME -> "Basic " + app.operatorToken;
            case READER -> "Bearer " + app.readerToken;
            case OPERATOR -> "Bearer " + app.operatorToken;
        };
    }

    @Test
    @Order(1)
    void everyEndpointAnswersEveryCallerAsTheRoleTableSays() throws Exception {
        ParsedScrape before = SCRAPER.scrape(app.adminPort());
        Map<List<String>, Integer> sent = new LinkedHashMap<>();
        List<String> table = new ArrayList<>();
        for (Endpoint endpoint : ApiEndpoints.ALL) {
            StringBuilder row = new StringBuilder(endpoint.toString());
            for (Caller caller : Caller.values()) {
                HttpResponse<String> response = app.callWithHeader(endpoint.method(), endpoint.path(), header(caller),
                        endpoint.body());
                int status = response.statusCode();
                row.append(" | ").append(caller).append('=').append(status);
                switch (caller) {
                    case NO_HEADER, UNKNOWN_KEY, BASIC_SCHEME -> assertUnauthorized(response, endpoint);
                    case READER -> {
                        if (endpoint.needs() == Role.OPERATOR) {
                            assertError(response, 403, "forbidden");
                        } else {
                            assertThat(status).as("%s as reader", endpoint).isIn(200, 404);
                        }
                    }
                    case OPERATOR -> assertThat(status).as("%s as operator", endpoint).isIn(200, 404, 422);
                }
                sent.merge(List.of(endpoint.method(), endpoint.template(), String.valueOf(status)), 1, Integer::sum);
            }
            table.add(row.toString());
        }
        System.out.println("Role table as tested:\n  " + String.join("\n  ", table));
        assertCounted(before, sent);
    }

    @Test
    @Order(2)
    void aReaderReadsWhatAnOperatorWroteAndCannotChangeIt() throws Exception {
        HttpResponse<String> created = app.call("POST", "/api/sources", app.operatorToken, source("reader-check"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asText();

        assertThat(app.call("GET", "/api/sources/" + id, app.readerToken, null).statusCode()).isEqualTo(200);
        assertError(app.call("DELETE", "/api/sources/" + id, app.readerToken, null), 403, "forbidden");
        assertThat(app.call("GET", "/api/sources/" + id, app.readerToken, null).statusCode()).isEqualTo(200);
        assertThat(app.call("DELETE", "/api/sources/" + id, app.operatorToken, null).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(3)
    void aTokenInTheUrlIsRefusedEvenWhenTheKeyIsValid() throws Exception {
        // A throwaway key: whatever is sent in a URL lands in the request log, which is why it is refused.
        String throwaway = ApiTokens.newToken();
        String line = "operator " + ApiTokens.sha256Hex(throwaway) + "\n";
        Files.writeString(app.keysFile, line, java.nio.file.StandardOpenOption.APPEND);
        waitUntil("the new key is accepted", () -> app.call("GET", "/api/jobs", throwaway, null).statusCode() == 200);

        HttpResponse<String> response = app.call("GET", "/api/jobs?access_token=" + throwaway, null, null);

        JsonNode error = assertError(response, 400, "token_in_url");
        assertThat(error.path("field").asText()).isEqualTo("access_token");
        removeLine(line);
    }

    @Test
    @Order(4)
    void keysAreAddedAndRevokedByEditingTheFileWithoutARestart() throws Exception {
        String token = ApiTokens.newToken();
        assertUnauthorized(app.call("GET", "/api/leads", token, null), null);

        String line = "reader " + ApiTokens.sha256Hex(token) + "\n";
        Files.writeString(app.keysFile, line, java.nio.file.StandardOpenOption.APPEND);
        waitUntil("the added key is accepted", () -> app.call("GET", "/api/leads", token, null).statusCode() == 200);
        assertError(app.call("POST", "/api/jobs", token, "{}"), 403, "forbidden");

        removeLine(line);
        waitUntil("the revoked key is refused", () -> app.call("GET", "/api/leads", token, null).statusCode() == 401);
        assertThat(app.call("GET", "/api/leads", app.readerToken, null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(5)
    void oneJobPerSourceAndAJobAllowancePerKey() throws Exception {
        String[] sources = {id(source("limit-a")), id(source("limit-b")), id(source("limit-c")), id(source("limit-d"))};
        ParsedScrape before = SCRAPER.scrape(app.adminPort());

        assertThat(postJob(app.operatorToken, sources[0]).statusCode()).isEqualTo(202);
        HttpResponse<String> busy = postJob(app.operatorToken, sources[0]);
        JsonNode conflict = assertError(busy, 409, "job_active");
        long running = JSON.readTree(app.call("GET", "/api/jobs?status=queued", app.readerToken, null).body())
                .get(0).path("id").asLong();
        assertThat(conflict.path("message").asText()).contains("job " + running + " queued");
        assertThat(conflict.path("field").asText()).isEqualTo("sourceId");
        // The refused job did not use up the allowance: a second job still goes through.
        assertThat(postJob(app.operatorToken, sources[1]).statusCode()).isEqualTo(202);

        HttpResponse<String> limited = postJob(app.operatorToken, sources[2]);
        JsonNode tooMany = assertError(limited, 429, "rate_limited");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        // 2 jobs an hour, refilled evenly: the next one comes within 30 minutes.
        assertThat(retryAfter).isBetween(1L, 1800L);
        assertThat(tooMany.path("message").asText()).contains(retryAfter + " s");

        // Another key has an allowance of its own.
        assertThat(postJob(app.otherOperatorToken, sources[2]).statusCode()).isEqualTo(202);

        assertCounted(before, Map.of(
                List.of("POST", "/api/jobs", "202"), 3,
                List.of("POST", "/api/jobs", "409"), 1,
                List.of("POST", "/api/jobs", "429"), 1));
    }

    @Test
    @Order(6)
    void theAdminPortServesMetricsHealthAndPingOnly() {
        for (String path : List.of("/metrics", "/healthcheck", "/ping", "/health-check?type=ready",
                "/health-check?type=alive")) {
            assertThat(app.admin("GET", path).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/threads", "/pprof", "/metrics.json", "/", "/tasks/gc")) {
            assertThat(app.admin("GET", path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(app.admin("POST", "/tasks/log-level?logger=ROOT&level=OFF").statusCode()).isEqualTo(404);
        assertThat(app.admin("POST", "/tasks/gc").statusCode()).isEqualTo(404);
    }

    /**
     * A 401 is given before the body is read. The client here sends its body only once it has the
     * answer, as a slow client may: the connection must still serve its next request (Jetty closes
     * a connection whose unread body had not arrived, and a keep-alive client's next request fails).
     */
    @Test
    @Order(7)
    void aRequestAnsweredWithoutReadingItsBodyLeavesTheConnectionOpen() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.apiPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(("POST /api/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawAnswer.read(in).statusLine()).contains(" 401 ");

            out.write(("{}GET /api/sources HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawAnswer.read(in).statusLine()).as("the next request on the same connection").contains(" 401 ");
        }
    }

    @Test
    @Order(100)
    void noTokenAppearsInAnyLogLine() throws Exception {
        String marker = "/api/jobs/" + (1_000_000_000L + System.nanoTime() % 1_000_000_000L);
        assertThat(app.call("GET", marker, app.operatorToken, null).statusCode()).isEqualTo(404);
        waitUntil("the request logs hold the last request",
                () -> read("request.log").contains(marker) && read("request.json").contains(marker));

        Map<String, String> logs = new LinkedHashMap<>();
        for (String file : List.of("request.log", "request.json", "service.log", "service.json")) {
            logs.put(file, read(file));
        }
        assertThat(logs.get("request.log")).contains("\" 401 ").contains("\" 403 ").contains("\" 429 ");
        assertThat(logs.get("service.log")).contains("API keys file");
        for (Map.Entry<String, String> log : logs.entrySet()) {
            for (String token : List.of(app.readerToken, app.operatorToken, app.otherOperatorToken)) {
                assertThat(log.getValue()).as("%s holds a token", log.getKey()).doesNotContain(token);
            }
            assertThat(log.getValue()).as("%s holds an Authorization header", log.getKey())
                    .doesNotContainIgnoringCase("Bearer " + app.operatorToken.substring(0, 8));
        }
    }

    private static String source(String name) {
        return """
                {"name": "%s", "startUrl": "http://127.0.0.1:9/start", "selectors": {"item": ".listing"},
                 "maxPages": 1, "delayMillis": 0}""".formatted(name);
    }

    private static String id(String sourceJson) throws Exception {
        HttpResponse<String> created = app.call("POST", "/api/sources", app.operatorToken, sourceJson);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private static HttpResponse<String> postJob(String token, String sourceId) {
        return app.call("POST", "/api/jobs", token, "{\"sourceId\": " + sourceId + "}");
    }

    private static void assertUnauthorized(HttpResponse<String> response, Endpoint endpoint) throws Exception {
        assertError(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("%s", endpoint)
                .hasValue("Bearer realm=\"kr-lead-scraper\"");
    }

    private static JsonNode assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        return error;
    }

    /** The requests are counted once each with their status (recording may trail the answer a little). */
    private static void assertCounted(ParsedScrape before, Map<List<String>, Integer> sent) throws Exception {
        Map<List<String>, Double> deltas = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        do {
            ParsedScrape after = SCRAPER.scrape(app.adminPort());
            deltas.clear();
            sent.keySet().forEach(key -> deltas.put(key, count(after, key) - count(before, key)));
            if (sent.entrySet().stream().allMatch(e -> deltas.get(e.getKey()) == e.getValue().doubleValue())) {
                return;
            }
            Thread.sleep(50);
        } while (Instant.now().isBefore(deadline));
        assertThat(deltas).as("http_requests_total increases").isEqualTo(toDoubles(sent));
    }

    private static Map<List<String>, Double> toDoubles(Map<List<String>, Integer> sent) {
        Map<List<String>, Double> doubles = new LinkedHashMap<>();
        sent.forEach((key, value) -> doubles.put(key, value.doubleValue()));
        return doubles;
    }

    private static double count(ParsedScrape scrape, List<String> key) {
        return scrape.named(HTTP_REQUESTS.name()).stream()
                .filter(s -> key.get(0).equals(s.labels().get(METHOD)) && key.get(1).equals(s.labels().get(ENDPOINT))
                        && key.get(2).equals(s.labels().get(STATUS)))
                .mapToDouble(ParsedScrape.Series::value).sum();
    }

    private static void removeLine(String line) throws Exception {
        Files.writeString(app.keysFile, Files.readString(app.keysFile).replace(line, ""));
    }

    private static String read(String file) {
        try {
            return Files.readString(app.dir.resolve(file), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for: %s", what).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
