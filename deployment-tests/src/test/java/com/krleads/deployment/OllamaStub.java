package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server that speaks the part of Ollama's HTTP API the service uses
 * ({@code GET /api/tags}, {@code POST /api/chat} with {@code format: json}). No LLM runs here:
 * it "extracts" the first line as the company name and the first phone-like text, which is
 * enough for the service to take its {@code llm} path for real.
 */
final class OllamaStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PHONE = Pattern.compile("0\\d{1,2}[-)\\s.]\\s?\\d{3,4}[-\\s.]\\d{4}");
    private final HttpServer server;
    private final AtomicInteger chats = new AtomicInteger();

    OllamaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/tags", exchange -> send(exchange, "{\"models\":[{\"name\":\"llama3.2:latest\"}]}"));
        server.createContext("/api/chat", this::chat);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int chats() {
        return chats.get();
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        JsonNode messages = request.path("messages");
        String text = messages.get(messages.size() - 1).path("content").asText();
        ObjectNode fields = JSON.createObjectNode();
        fields.put("company_name", text.strip().lines().findFirst().orElse("").strip());
        Matcher phone = PHONE.matcher(text);
        fields.put("phone", phone.find() ? phone.group() : null);
        fields.putNull("email");
        fields.putNull("website");
        fields.putNull("address");
        fields.putNull("category");
        ObjectNode answer = JSON.createObjectNode();
        answer.put("model", request.path("model").asText());
        answer.putObject("message").put("role", "assistant").put("content", fields.toString());
        answer.put("done", true);
        chats.incrementAndGet();
        send(exchange, answer.toString());
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
