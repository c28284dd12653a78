package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The few calls of Prometheus's HTTP API the end-to-end tests need. VictoriaMetrics answers the
 * query calls on the same paths, so one client serves every query endpoint.
 */
final class PrometheusApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    PrometheusApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** An instant query now; the whole JSON answer ({@code status}, {@code data}, {@code error}). */
    JsonNode query(String expr) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    /** A range query from {@code start} to {@code end}, one point per {@code stepSeconds}, as Grafana runs graph queries. */
    JsonNode queryRange(String expr, Instant start, Instant end, int stepSeconds)
            throws IOException, InterruptedException {
        return get("/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + stepSeconds);
    }

    /** An instant query at {@code time}, as Grafana sends for a stat tile or a table ending then. */
    JsonNode queryAt(String expr, Instant time) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&time=" + time.toEpochMilli() / 1000.0);
    }

    JsonNode targets() throws IOException, InterruptedException {
        return get("/api/v1/targets");
    }

    JsonNode rules() throws IOException, InterruptedException {
        return get("/api/v1/rules");
    }

    JsonNode alerts() throws IOException, InterruptedException {
        return get("/api/v1/alerts");
    }

    /** The server's own metrics in text format. */
    String metricsText() throws IOException, InterruptedException {
        return send("/metrics").body();
    }

    /** The HTTP status of a GET, for health and readiness endpoints. */
    int status(String path) throws IOException, InterruptedException {
        return send(path).statusCode();
    }

    boolean ready() {
        try {
            return status("/-/ready") == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send(path).body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
