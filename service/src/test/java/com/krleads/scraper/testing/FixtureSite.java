package com.krleads.scraper.testing;

import com.krleads.scraper.core.source.Selectors;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Korean business-directory website on 127.0.0.1 for tests: the pages under
 * {@code src/test/resources/fixture-site/} (three listing pages from {@code /seoul/food/index.html},
 * a robots.txt forbidding {@code /private/}), plus endpoints that misbehave on purpose under
 * {@code /test/}: {@code flaky?key=k} (two 500s, then a page), {@code slow} (answers after
 * {@link #SLOW_MILLIS}), {@code redirect?to=url}, {@code redirect-loop}, {@code big} (an endless-looking
 * chunked body of {@link #BIG_BYTES}). Every request is logged. {@link #holdPages()} makes the
 * listing pages wait (a slow site) until {@link #releasePages()}.
 */
public final class FixtureSite implements AutoCloseable {
    public static final String START_PATH = "/seoul/food/index.html";
    public static final int SLOW_MILLIS = 1500;
    public static final int BIG_BYTES = 2 * 1024 * 1024;
    public static final int FLAKY_FAILURES = 2;
    /** Longest a held page waits: below the production read timeout (15 s), so it is late, never lost. */
    public static final int MAX_HOLD_MILLIS = 12_000;

    /** One request as the site saw it. */
    public record Request(String method, String pathAndQuery, String userAgent, long nanoTime) {
        public String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }
    }

    private LoopbackHttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> flakyCounts = new ConcurrentHashMap<>();
    private volatile boolean robotsHidden;
    private final Map<String, Served> served = new ConcurrentHashMap<>();

    private record Served(String contentType, byte[] body) {
    }
    private volatile CountDownLatch held;

    private FixtureSite() {
    }

    public static FixtureSite start() throws IOException {
        FixtureSite site = new FixtureSite();
        site.server = LoopbackHttpServer.start("fixture-site", Map.of("/", site::handle));
        return site;
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    public String startUrl() {
        return baseUrl() + START_PATH;
    }

    /** The selectors that read this site's listing pages. */
    public static Selectors selectors() {
        return new Selectors(".listing", ".name", ".tel", "a[href^=mailto]", "a.homepage", ".addr", ".cat", "a.next");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<String> requestedPaths() {
        return requests.stream().map(Request::path).toList();
    }

    public long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Serves {@code body} at {@code path} (robots.txt included), before the bundled files. */
    public FixtureSite serve(String path, String contentType, byte[] body) {
        served.put(path, new Served(contentType, body));
        return this;
    }

    public FixtureSite serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Makes robots.txt answer 404 (which means: everything allowed). */
    public void hideRobots(boolean hidden) {
        robotsHidden = hidden;
    }

    /** From now on every HTML page answers only after {@link #releasePages()} (or {@link #MAX_HOLD_MILLIS}). */
    public void holdPages() {
        held = new CountDownLatch(1);
    }

    /** Answers the held pages at once and stops holding. */
    public void releasePages() {
        CountDownLatch latch = held;
        held = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    @Override
    public void close() {
        releasePages();
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(new Request(exchange.getRequestMethod(), uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                exchange.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
        try (exchange) {
            String path = uri.getPath();
            Served custom = served.get(path);
            if (custom != null) {
                exchange.getResponseHeaders().set("Content-Type", custom.contentType());
                exchange.sendResponseHeaders(200, custom.body().length);
                exchange.getResponseBody().write(custom.body());
            } else if (path.startsWith("/test/")) {
                handleTestEndpoint(exchange, path.substring("/test/".length()), uri.getQuery());
            } else if (path.equals("/robots.txt") && robotsHidden) {
                send(exchange, 404, "text/plain", "not found");
            } else {
                serveFile(exchange, path.endsWith("/") ? path + "index.html" : path);
            }
        }
    }

    private void handleTestEndpoint(HttpExchange exchange, String name, String query) throws IOException {
        switch (name) {
            case "flaky" -> {
                int seen = flakyCounts.computeIfAbsent(String.valueOf(query), k -> new AtomicInteger()).incrementAndGet();
                if (seen <= FLAKY_FAILURES) {
                    send(exchange, 503, "text/plain", "busy");
                } else {
                    send(exchange, 200, "text/html; charset=UTF-8", "<html><body><p class=\"ok\">복구됨</p></body></html>");
                }
            }
            case "slow" -> {
                sleep(SLOW_MILLIS);
                send(exchange, 200, "text/html; charset=UTF-8", "<html><body>늦은 응답</body></html>");
            }
            case "redirect" -> redirect(exchange, query.substring("to=".length()));
            case "redirect-loop" -> redirect(exchange, "/test/redirect-loop");
            case "big" -> sendBig(exchange);
            default -> send(exchange, 404, "text/plain", "no such test endpoint");
        }
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        if (path.contains("..")) {
            send(exchange, 400, "text/plain", "bad path");
            return;
        }
        try (InputStream in = FixtureSite.class.getResourceAsStream("/fixture-site" + path)) {
            if (in == null) {
                send(exchange, 404, "text/html; charset=UTF-8", "<html><body>페이지를 찾을 수 없습니다</body></html>");
                return;
            }
            String type = path.endsWith(".txt") ? "text/plain; charset=UTF-8" : "text/html; charset=UTF-8";
            byte[] body = in.readAllBytes();
            if (path.endsWith(".html")) {
                waitWhileHeld();
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void waitWhileHeld() {
        CountDownLatch latch = held;
        if (latch != null) {
            try {
                latch.await(MAX_HOLD_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** Chunked, so no Content-Length warns the client: it must count while reading. */
    private static void sendBig(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "<p>가나다라마바사</p>\n".repeat(256).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int sent = 0; sent < BIG_BYTES; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException clientGaveUp) {
            // expected: the fetcher stops reading past its limit
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
