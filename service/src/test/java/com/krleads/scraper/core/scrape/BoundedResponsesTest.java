package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.testing.TestConfigs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.MessageConstraintException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile answer fails its own page, at once and without retries, and the fetcher (and its
 * shared pool) serves the next page as usual. The server speaks raw HTTP on loopback, so it can
 * send what no well-behaved server library would.
 */
class BoundedResponsesTest {
    /** Big enough to prove that nothing buffers it whole, small enough to be cheap. */
    private static final int HUGE_LINE = 4 * 1024 * 1024;
    private static RawServer server;
    private final ScraperConfig config = TestConfigs.scraper(true);

    @BeforeAll
    static void start() throws IOException {
        server = new RawServer();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private PageFetcher fetcher() {
        return new PageFetcher(config, new UrlGuard(true)::resolve, d -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/huge-line", "/many-headers", "/heavy-headers"})
    void anAnswerOverAHeaderLimitFailsItsPageOnceAndTheNextPageIsFetched(String path) throws Exception {
        PageFetcher fetcher = fetcher();
        assertThatThrownBy(() -> fetcher.get(server.uri(path)))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(-1))
                .hasCauseInstanceOf(headerLimitKind(path));
        assertThat(server.count(path)).as("not retried").isEqualTo(1);
        assertThat(fetcher.get(server.uri("/ok")).text()).contains("fine");
    }

    private static Class<? extends Throwable> headerLimitKind(String path) {
        return path.equals("/heavy-headers") ? HeaderLimits.HeadersTooLargeException.class
                : MessageConstraintException.class;
    }

    @Test
    void theDefaultsLetAnOrdinaryAnswerThrough() throws Exception {
        ScraperConfig defaults = new ScraperConfig();
        assertThat(HeaderLimits.from(defaults)).isEqualTo(new HeaderLimits(8192, 100, 65536));
        assertThat(fetcher().get(server.uri("/forty-headers")).text()).contains("fine");
    }

    @Test
    void anErrorInsideOneFetchFailsThatPageOnlyAndTheNextFetchWorks() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        PageFetcher fetcher = new PageFetcher(config, host -> {
            if (lookups.getAndIncrement() == 0) {
                throw new AssertionError("injected into the first lookup");
            }
            return new UrlGuard(true).resolve(host);
        }, d -> { });
        assertThatThrownBy(() -> fetcher.get(server.uri("/ok")))
                .isInstanceOf(FetchException.class).hasCauseInstanceOf(AssertionError.class);
        assertThat(fetcher.get(server.uri("/ok")).text()).contains("fine");
    }

    @Test
    void aClosedPoolIsReplacedSoNoFetchIsPoisonedByAnEarlierOne() throws Exception {
        PageFetcher fetcher = fetcher();
        assertThat(fetcher.get(server.uri("/ok")).text()).contains("fine");
        fetcher.closePoolForTest();
        assertThat(fetcher.get(server.uri("/ok")).text()).contains("fine");
    }

    /** One thread per connection; every answer closes its connection. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        RawServer() throws IOException {
            Thread acceptor = new Thread(this::acceptAll, "raw-http-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        int count(String path) {
            return counts.getOrDefault(path, new AtomicInteger()).get();
        }

        private void acceptAll() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread handler = new Thread(() -> answer(connection), "raw-http");
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void answer(Socket connection) {
            try (connection) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String path = in.readLine().split(" ")[1];
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the request's headers are not needed
                }
                counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nConnection: close\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                switch (path) {
                    case "/huge-line" -> {
                        out.write("X-Huge: ".getBytes(StandardCharsets.ISO_8859_1));
                        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
                        for (int sent = 0; sent < HUGE_LINE; sent += chunk.length) {
                            out.write(chunk);
                        }
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    case "/many-headers" -> headers(out, 500, 10);
                    case "/heavy-headers" -> headers(out, 90, 1000);
                    case "/forty-headers" -> headers(out, 40, 200);
                    default -> { }
                }
                out.write("Content-Length: 4\r\n\r\nfine".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException clientHungUp) {
                // the fetcher stops reading an oversized answer and drops the connection
            }
        }

        private static void headers(OutputStream out, int count, int valueLength) throws IOException {
            String value = "v".repeat(valueLength);
            for (int i = 0; i < count; i++) {
                out.write(("X-Header-" + i + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
