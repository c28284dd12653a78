package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A steady mixed load through the balancer with an operator key, from {@link #CLIENTS} clients each
 * sending one request every {@link #PACE}: mostly reads, a source created every {@link #WRITE_EVERY}
 * requests and a job for the newest source every {@link #JOB_EVERY}. Every request is written down
 * (phase, latency, status or the exception), every acknowledged write kept for the check afterwards.
 */
final class SteadyLoad implements AutoCloseable {
    static final int CLIENTS = 4;
    static final Duration PACE = Duration.ofMillis(150);
    static final int WRITE_EVERY = 5;
    static final int JOB_EVERY = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the client saw it; {@code status} is 0 when no answer came (the error says why). */
    record Sent(String phase, String kind, long startNanos, long latencyNanos, int status, String error) {
        boolean failed() {
            return status == 0 || status >= 500;
        }
    }

    /** An acknowledged write: a source (201) or a job (202), with the request id it was sent under. */
    record Acknowledged(String kind, long id, String name, String requestId) {
    }

    private final String baseUrl;
    private final String token;
    private final IntFunction<String> sourceBody;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private volatile long newestSource = -1;
    private volatile String phase = "before";
    private volatile boolean running = true;

    /** {@code sourceBody}: the JSON of source number n. */
    SteadyLoad(String baseUrl, String token, IntFunction<String> sourceBody) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.sourceBody = sourceBody;
    }

    void start() {
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(this::client);
        }
    }

    /** Requests sent from now on are counted in {@code name}. */
    void phase(String name) {
        phase = name;
    }

    void stop() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("load clients still running");
        }
    }

    List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    List<Acknowledged> acknowledged(String kind) {
        return acknowledged.stream().filter(a -> a.kind().equals(kind)).toList();
    }

    private void client() {
        long next = System.nanoTime();
        while (running) {
            int n = sequence.getAndIncrement();
            try {
                send(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next += PACE.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void send(int n) throws InterruptedException {
        String requestId = "load-" + n;
        String kind;
        HttpRequest.Builder request;
        if (n % JOB_EVERY == JOB_EVERY - 1 && newestSource > 0) {
            kind = "job";
            request = post("/api/jobs", "{\"sourceId\": " + newestSource + "}");
        } else if (n % WRITE_EVERY == 0) {
            kind = "source";
            request = post("/api/sources", sourceBody.apply(n));
        } else {
            kind = "read";
            request = HttpRequest.newBuilder(URI.create(baseUrl + switch (n % 3) {
                case 0 -> "/api/sources?limit=20";
                case 1 -> "/api/leads?limit=20";
                default -> "/api/jobs?limit=20";
            })).GET();
        }
        request.header("Authorization", "Bearer " + token).header("X-Request-Id", requestId)
                .timeout(Duration.ofSeconds(20));
        String during = phase;
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            sent.add(new Sent(during, kind, start, System.nanoTime() - start, response.statusCode(), null));
            remember(kind, response, requestId);
        } catch (IOException e) {
            sent.add(new Sent(during, kind, start, System.nanoTime() - start, 0, e.getClass().getSimpleName()));
        }
    }

    private void remember(String kind, HttpResponse<String> response, String requestId) throws IOException {
        if (kind.equals("source") && response.statusCode() == 201) {
            JsonNode source = JSON.readTree(response.body());
            newestSource = source.path("id").asLong();
            acknowledged.add(new Acknowledged(kind, newestSource, source.path("name").asText(), requestId));
        } else if (kind.equals("job") && response.statusCode() == 202) {
            acknowledged.add(new Acknowledged(kind, JSON.readTree(response.body()).path("id").asLong(), null, requestId));
        }
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** Requests per phase, for the report. */
    static Map<String, List<Sent>> byPhase(List<Sent> sent) {
        Map<String, List<Sent>> phases = new java.util.LinkedHashMap<>();
        sent.stream().sorted(java.util.Comparator.comparingLong(Sent::startNanos))
                .forEach(s -> phases.computeIfAbsent(s.phase(), p -> new ArrayList<>()).add(s));
        return phases;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdownNow();
    }
}
