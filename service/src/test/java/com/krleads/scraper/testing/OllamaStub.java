package com.krleads.scraper.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that speaks the part of Ollama's HTTP API the service uses:
 * {@code POST /api/chat} (non-streaming) and {@code GET /api/tags}. The chat answer is set
 * by the test ({@link Behaviour#SERVER_ERROR} also fails the tags endpoint); request bodies are
 * kept for assertions.
 */
public final class OllamaStub implements AutoCloseable {
    public enum Behaviour { ANSWER, SLOW, GARBAGE, SERVER_ERROR }

    private LoopbackHttpServer server;
    private final List<String> chatBodies = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private volatile String content = "{}";
    private volatile long slowMillis = 1500;

    private OllamaStub() {
    }

    public static OllamaStub start() throws IOException {
        OllamaStub stub = new OllamaStub();
        stub.server = LoopbackHttpServer.start("ollama-stub", Map.of("/api/chat", stub::chat, "/api/tags", stub::tags));
        return stub;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** The model's next answers: {@code json} is what the model "wrote", the chat message content. */
    public void answer(String json) {
        this.behaviour = Behaviour.ANSWER;
        this.content = json;
    }

    public void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    public List<String> chatBodies() {
        return List.copyOf(chatBodies);
    }

    @Override
    public void close() {
        server.close();
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "{\"error\":\"method not allowed\"}");
                return;
            }
            chatBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            switch (behaviour) {
                case SLOW -> {
                    sleep(slowMillis);
                    send(exchange, 200, envelope(content));
                }
                case GARBAGE -> send(exchange, 200, envelope("회사명은 서울맛집입니다 (this is not JSON)"));
                case SERVER_ERROR -> send(exchange, 500, "{\"error\":\"model 'llama3.2' not found\"}");
                default -> send(exchange, 200, envelope(content));
            }
        }
    }

    private void tags(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (behaviour == Behaviour.SERVER_ERROR) {
                send(exchange, 500, "{\"error\":\"internal error\"}");
                return;
            }
            send(exchange, 200, "{\"models\":[{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\",\"size\":2019393189}]}");
        }
    }

    /** Ollama's non-streaming chat response; the model's JSON travels as a string in message.content. */
    private static String envelope(String modelContent) {
        return "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":" + jsonString(modelContent) + "},"
                + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1234567}";
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
