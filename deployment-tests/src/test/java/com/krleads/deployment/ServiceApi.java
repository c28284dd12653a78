package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Plain HTTP calls to the service under test. Every answer's status is tallied, so a test knows
 * exactly how many requests of each status it sent to this address.
 */
final class ServiceApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearerToken;
    private final Map<Integer, LongAdder> answered = new ConcurrentHashMap<>();

    ServiceApi(String baseUrl) {
        this(baseUrl, null);
    }

    /** Calls that send {@code Authorization: Bearer <token>} (an API key). */
    ServiceApi(String baseUrl, String bearerToken) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    String baseUrl() {
        return baseUrl;
    }

    record Answer(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    boolean up(String path) {
        try {
            return get(path).status() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How many answers of each status this client has received so far. */
    Map<Integer, Long> answeredByStatus() {
        Map<Integer, Long> counts = new TreeMap<>();
        answered.forEach((status, count) -> counts.put(status, count.sum()));
        return counts;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        answered.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
        return new Answer(response.statusCode(), response.body());
    }
}
