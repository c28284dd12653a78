package com.krleads.scraper.health;

import com.codahale.metrics.health.HealthCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Ollama answers {@code GET /api/tags} (its model list) with 200. Registered only when enrichment uses Ollama. */
public class OllamaHealthCheck extends HealthCheck {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final URI tagsUri;
    private final Duration timeout;

    public OllamaHealthCheck(String baseUrl, Duration timeout) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.tagsUri = URI.create(base + "/api/tags");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    protected Result check() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(tagsUri).timeout(timeout).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200
                    ? Result.healthy()
                    : Result.unhealthy("GET %s answered HTTP %d", tagsUri, response.statusCode());
        } catch (java.io.IOException e) {
            return Result.unhealthy("GET %s failed: %s", tagsUri, e.toString());
        }
    }
}
