package com.krleads.scraper.core.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a local Ollama server ({@code POST /api/chat}, JSON mode, no streaming) to read the
 * contact fields of one listing item out of its text.
 */
public final class OllamaClient {
    /** Longer item texts are cut: a listing item is short, a longer text is page noise. */
    static final int MAX_TEXT_CHARS = 4000;

    static final String SYSTEM_PROMPT = """
            You read one entry of a Korean business directory and extract its contact details.
            Answer with one JSON object with exactly these keys: company_name, phone, email,
            website, address, category. Copy each value exactly as it is written in the entry.
            Use null for anything the entry does not state. Never invent a value.""";

    /** What the model found; any field may be null. */
    public record Extraction(String companyName, String phone, String email, String website,
                             String address, String category) {
    }

    private final HttpClient client;
    private final URI chatUri;
    private final String model;
    private final Duration timeout;
    private final ObjectMapper mapper = new ObjectMapper();

    public OllamaClient(String baseUrl, String model, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.chatUri = URI.create(stripSlash(baseUrl) + "/api/chat");
        this.model = model;
        this.timeout = timeout;
    }

    public Extraction extract(String itemText) throws OllamaException, InterruptedException {
        String text = itemText.length() > MAX_TEXT_CHARS ? itemText.substring(0, MAX_TEXT_CHARS) : itemText;
        HttpRequest request = HttpRequest.newBuilder(chatUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(text), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> future =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new OllamaException("no answer from Ollama within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new OllamaException("Ollama unreachable at " + chatUri + ": " + e.getCause(), e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new OllamaException("Ollama answered HTTP " + response.statusCode());
        }
        return parseAnswer(response.body());
    }

    String requestBody(String text) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        body.put("stream", false);
        body.put("format", "json");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", text);
        body.putObject("options").put("temperature", 0);
        return body.toString();
    }

    Extraction parseAnswer(String responseBody) throws OllamaException {
        JsonNode content;
        try {
            JsonNode envelope = mapper.readTree(responseBody);
            JsonNode message = envelope == null ? null : envelope.path("message").path("content");
            if (message == null || !message.isTextual()) {
                throw new OllamaException("Ollama answer has no message.content");
            }
            content = mapper.readTree(message.asText());
        } catch (IOException e) {
            throw new OllamaException("Ollama answer is not JSON: " + e.getMessage(), e);
        }
        if (content == null || !content.isObject()) {
            throw new OllamaException("the model's content is not a JSON object");
        }
        return new Extraction(field(content, "company_name"), field(content, "phone"), field(content, "email"),
                field(content, "website"), field(content, "address"), field(content, "category"));
    }

    private static String field(JsonNode content, String name) {
        JsonNode value = content.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() || text.equalsIgnoreCase("null") ? null : text;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
