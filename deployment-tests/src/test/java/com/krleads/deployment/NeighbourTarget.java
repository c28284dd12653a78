package com.krleads.deployment;

import com.krleads.scraper.testing.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Another service on the same Prometheus, under another job name, exporting the very families we
 * export (same names, same label sets: it imitates a real scrape of ours) with values no workload
 * of this test can reach: every sample is {@link #FLOOR} plus a million times ours, and the
 * cumulative series (counters, histogram buckets, sums and counts) grow by {@link #GROWTH_PER_SECOND}.
 * A panel or rule that lets it in shows numbers above {@link #FLOOR} or rates above the growth.
 */
final class NeighbourTarget implements AutoCloseable {
    static final String JOB = "shop-api";
    static final double FLOOR = 1e13;
    static final double GROWTH_PER_SECOND = 1e9;
    private static final List<String> CUMULATIVE_SUFFIXES = List.of("_total", "_bucket", "_count", "_sum");

    private final LoopbackHttpServer server;
    private final long startedNanos = System.nanoTime();
    private volatile List<String> template = List.of();

    private NeighbourTarget() throws IOException {
        this.server = LoopbackHttpServer.start("neighbour", Map.of("/metrics", this::serve));
    }

    static NeighbourTarget start() throws IOException {
        return new NeighbourTarget();
    }

    /** From now on, serves {@code exposition} (a scrape of ours) with the neighbour's values. */
    void imitate(String exposition) {
        template = exposition.lines().toList();
    }

    /** {@code host:port} to scrape. */
    String target() {
        return server.baseUrl().substring("http://".length());
    }

    private void serve(HttpExchange exchange) throws IOException {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        StringBuilder text = new StringBuilder();
        for (String line : template) {
            text.append(line.startsWith("#") || line.isBlank() ? line : scaled(line, seconds)).append('\n');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** Sample lines of the text format end in the value (this service exposes no timestamps). */
    private static String scaled(String line, double seconds) {
        int space = line.lastIndexOf(' ');
        double ours = Double.parseDouble(line.substring(space + 1).replace("Inf", "Infinity"));
        if (!Double.isFinite(ours)) {
            return line;
        }
        String name = line.substring(0, firstOf(line, '{', ' '));
        boolean cumulative = CUMULATIVE_SUFFIXES.stream().anyMatch(name::endsWith);
        double value = FLOOR + ours * 1e6 + (cumulative ? GROWTH_PER_SECOND * seconds : 0);
        return line.substring(0, space + 1) + value;
    }

    private static int firstOf(String line, char a, char b) {
        int i = line.indexOf(a);
        int j = line.indexOf(b);
        return i < 0 ? j : Math.min(i, j);
    }

    @Override
    public void close() {
        server.close();
    }
}
