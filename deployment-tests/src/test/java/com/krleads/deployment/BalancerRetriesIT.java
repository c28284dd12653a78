package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped balancer's retries (Debian's HAProxy with {@code deploy/haproxy/haproxy.cfg}), in
 * front of two loopback servers that answer its readiness check as a replica does and count the
 * API requests that reach them.
 */
class BalancerRetriesIT {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The service's 503 is a query cancelled at its time limit: sent again, it would run again. */
    @Test
    void aServiceUnavailableAnswerIsPassedOnAndNotSentAgain(@TempDir Path dir) throws Exception {
        try (CountingReplica a = CountingReplica.start("replica-a", 503);
             CountingReplica b = CountingReplica.start("replica-b", 503);
             LoadBalancer balancer = LoadBalancer.start(dir, List.of(a, b))) {
            HttpResponse<String> answer = get(balancer.baseUrl() + "/api/leads?q=heavy");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(a.requests() + b.requests()).as("requests that reached a replica").isEqualTo(1);
        }
    }

    /** A replica that refuses connections while its readiness still answers: every request goes to the other. */
    @Test
    void aRequestARefusingReplicaNeverReceivedGoesToTheOther(@TempDir Path dir) throws Exception {
        try (CountingReplica a = CountingReplica.start("replica-a", 200);
             CountingReplica b = CountingReplica.start("replica-b", 200);
             LoadBalancer balancer = LoadBalancer.start(dir, List.of(a, b))) {
            a.refuseApiConnections();

            for (int i = 0; i < 6; i++) {
                assertThat(get(balancer.baseUrl() + "/api/sources").statusCode()).isEqualTo(200);
            }
            assertThat(b.requests()).isEqualTo(6);
            assertThat(balancer.counter(a.name(), "wredis")).as("redispatched from replica-a").isPositive();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An API port answering every request with one status, and an admin port whose readiness is always up. */
    private record CountingReplica(String name, HttpServer api, HttpServer admin, AtomicInteger counted)
            implements Balanced, AutoCloseable {

        static CountingReplica start(String name, int status) throws IOException {
            AtomicInteger counted = new AtomicInteger();
            HttpServer api = server(exchange -> {
                counted.incrementAndGet();
                answer(exchange, status, "{\"code\":\"answer\",\"message\":\"" + status + "\",\"field\":null}");
            });
            HttpServer admin = server(exchange -> answer(exchange, 200, "{}"));
            return new CountingReplica(name, api, admin, counted);
        }

        private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", handler);
            server.start();
            return server;
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        int requests() {
            return counted.get();
        }

        void refuseApiConnections() {
            api.stop(0);
        }

        @Override
        public int appPort() {
            return api.getAddress().getPort();
        }

        @Override
        public int adminPort() {
            return admin.getAddress().getPort();
        }

        @Override
        public void close() {
            api.stop(0);
            admin.stop(0);
        }
    }
}
