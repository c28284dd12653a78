package com.krleads.scraper.metrics;

import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.metrics.Labels;
import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request on the application port is counted once in {@code http_requests_total}, with
 * its real status and a bounded endpoint, also those refused before a resource runs; and
 * every refusal answers the API's JSON error shape. Requests go over a raw socket so that
 * nothing between the test and Jetty fixes or refuses a bad request first.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HttpRequestCountingIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = new DropwizardAppExtension<>(
            LeadScraperApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", TestDatabase.h2Url("counting-" + UUID.randomUUID())),
            ConfigOverride.config("worker.enabled", "false"));
    private static final AdminScraper HTTP = new AdminScraper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCES = "/api/sources";

    /** What was sent, how often, and the series and error code it must give. */
    private record Kind(String name, int times, String request, String method, String endpoint, int status, String code) {
    }

    @Test
    void eachKindIsCountedOnceWithItsStatusAndAnswersInJson() throws InterruptedException {
        String oversized = "{\"name\": \"" + "가".repeat(30_000) + "\"}";
        List<Kind> kinds = List.of(
                new Kind("ok", 2, "GET " + SOURCES + " HTTP/1.1\r\nHost: localhost\r\n\r\n", "GET", SOURCES, 200, null),
                new Kind("413 body over the limit", 3, post("application/json", oversized),
                        "POST", Labels.UNMATCHED, 413, "body_too_large"),
                new Kind("415 not JSON", 4, post("text/plain", "name=x"), "POST", SOURCES, 415, "unsupported_media_type"),
                new Kind("415 not JSON, sub-resource", 2, send("PUT", SOURCES + "/1", "text/plain", "name=x"),
                        "PUT", SOURCES + "/{id}", 415, "unsupported_media_type"),
                new Kind("405 no such method", 3, send("PUT", SOURCES, "application/json", "{}"),
                        "PUT", SOURCES, 405, "method_not_allowed"),
                new Kind("400 malformed JSON", 5, post("application/json", "{\"name\": "),
                        "POST", SOURCES, 400, "malformed_json"),
                new Kind("414 URI too long", 6, "GET /api/sources?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                        HttpMetrics.OTHER_METHOD, Labels.UNMATCHED, 414, "uri_too_long"),
                new Kind("431 header too large", 7, "GET " + SOURCES + " HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                        + "b".repeat(10_000) + "\r\n\r\n", "GET", Labels.UNMATCHED, 431, "request_header_fields_too_large"),
                new Kind("400 bad HTTP", 8, "GET " + SOURCES + " HTTP/1.1\r\nHost: localhost\r\nno colon here\r\n\r\n",
                        "GET", Labels.UNMATCHED, 400, "bad_request"),
                new Kind("421 Host not allowed", 2, "GET " + SOURCES + " HTTP/1.1\r\nHost: rebound.example\r\n\r\n",
                        "GET", Labels.UNMATCHED, 421, "host_not_allowed"),
                new Kind("415 bodyless POST not JSON", 3, send("POST", "/api/jobs/1/cancel", "text/plain", ""),
                        "POST", "/api/jobs/{id}/cancel", 415, "unsupported_media_type"),
                new Kind("405 TRACE refused by a filter", 2, "TRACE " + SOURCES + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                        HttpMetrics.OTHER_METHOD, Labels.UNMATCHED, 405, "method_not_allowed"));
        ParsedScrape before = HTTP.scrape(APP.getAdminPort());

        int sent = 0;
        for (Kind kind : kinds) {
            for (int i = 0; i < kind.times(); i++) {
                Answer answer = exchange(kind.request());
                assertThat(answer.status()).as(kind.name()).isEqualTo(kind.status());
                if (kind.code() != null) {
                    assertErrorShape(kind, answer);
                }
                sent++;
            }
        }
        ParsedScrape after = awaitCounted(before, sent);

        for (ParsedScrape.Series series : after.named(HTTP_REQUESTS.name())) {
            Map<String, String> l = series.labels();
            double delta = delta(before, after, l.get(METHOD), l.get(ENDPOINT), Integer.parseInt(l.get(STATUS)));
            if (delta != 0) {
                System.out.printf("counted: %s %.0f%n", l, delta);
            }
        }
        System.out.printf("%-32s %5s  %-6s %-14s %s%n", "kind", "sent", "method", "endpoint", "delta http_requests_total{status}");
        for (Kind kind : kinds) {
            double delta = delta(before, after, kind.method(), kind.endpoint(), kind.status());
            System.out.printf("%-32s %5d  %-6s %-14s %.0f{%d}%n", kind.name(), kind.times(), kind.method(), kind.endpoint(),
                    delta, kind.status());
            assertThat(delta).as(kind.name()).isEqualTo(kind.times());
        }
        double total = after.sum(HTTP_REQUESTS.name()) - before.sum(HTTP_REQUESTS.name());
        System.out.printf("sent %d, counted %.0f%n", sent, total);
        assertThat(total).isEqualTo(sent);
    }

    private static String post(String contentType, String body) {
        return send("POST", SOURCES, contentType, body);
    }

    private static String send(String method, String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static void assertErrorShape(Kind kind, Answer answer) {
        assertThat(answer.headers().get("content-type")).as(kind.name()).startsWith("application/json");
        JsonNode error;
        try {
            error = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(kind.name() + ": not JSON: " + answer.body(), e);
        }
        List<String> fields = new ArrayList<>();
        error.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(kind.name() + " " + answer.body()).containsExactly("code", "message", "field");
        assertThat(error.get("code").asText()).as(kind.name()).isEqualTo(kind.code());
        assertThat(error.get("message").asText()).as(kind.name()).isNotBlank().doesNotContain("Exception", "org.");
    }

    /** Jetty counts a request when it completes it, which may be just after the client has read the answer. */
    private static ParsedScrape awaitCounted(ParsedScrape before, int sent) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        ParsedScrape after = HTTP.scrape(APP.getAdminPort());
        while (after.sum(HTTP_REQUESTS.name()) - before.sum(HTTP_REQUESTS.name()) < sent && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = HTTP.scrape(APP.getAdminPort());
        }
        return after;
    }

    private static double delta(ParsedScrape before, ParsedScrape after, String method, String endpoint, int status) {
        return count(after, method, endpoint, status) - count(before, method, endpoint, status);
    }

    private static double count(ParsedScrape scrape, String method, String endpoint, int status) {
        return scrape.named(HTTP_REQUESTS.name()).stream()
                .filter(s -> s.labels().equals(Map.of(METHOD, method, ENDPOINT, endpoint, STATUS, Integer.toString(status))))
                .mapToDouble(ParsedScrape.Series::value).sum();
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    /** One request on its own connection; the answer is read to the end of the connection. */
    private static Answer exchange(String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(readAnswer(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the head, then the body by Content-Length or chunks, so a kept-alive connection does not stall the test. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            all.write(c);
            byte[] sofar = all.toByteArray();
            int n = sofar.length;
            if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
                break;
            }
        }
        String head = all.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int lengthAt = head.indexOf("\ncontent-length:");
        if (lengthAt >= 0) {
            int end = head.indexOf('\r', lengthAt);
            int length = Integer.parseInt(head.substring(lengthAt + 16, end).trim());
            all.write(in.readNBytes(length));
        } else if (head.contains("\ntransfer-encoding: chunked")) {
            all.write(dechunk(in));
        } else {
            all.write(in.readAllBytes());
        }
        return all.toByteArray();
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n' && c != -1) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            int size = Integer.parseInt(line.toString().split(";")[0].trim(), 16);
            if (size == 0) {
                in.readNBytes(2);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            in.readNBytes(2);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        Iterator<String> lines = List.of(text.substring(0, split).split("\r\n")).iterator();
        int status = Integer.parseInt(lines.next().split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        while (lines.hasNext()) {
            String line = lines.next();
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Answer(status, headers, text.substring(split + 4));
    }
}
