package com.krleads.scraper.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a page on another site can make a browser send: a simple cross-site POST (no preflight)
 * and any path under a name rebound to this machine. Requests are written by hand on a socket,
 * since HTTP clients do not let a caller choose the {@code Host} header.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SafeDefaultsIT {
    static final DropwizardAppExtension<LeadScraperConfiguration> APP = ApiTestSupport.apiOnlyApp("safe-defaults");

    @Nested
    class ContentType {
        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                POST | /api/duplicates/999999/merge   | text/plain
                POST | /api/duplicates/999999/dismiss | application/x-www-form-urlencoded
                POST | /api/jobs/999999/cancel        | multipart/form-data; boundary=x
                POST | /api/jobs/999999/cancel        |
                POST | /api/sources                   | text/plain
                PUT  | /api/sources/999999            | text/plain
                POST | /api/jobs                      |
                """)
        void aPostOrPutThatIsNotJsonIs415BeforeAnyResourceActs(String method, String path, String type)
                throws IOException {
            String answer = send(APP.getLocalPort(), method, path, "localhost", type, "");
            assertThat(status(answer)).isEqualTo(415);
            assertThat(answer).contains("application/json").contains("\"code\":\"unsupported_media_type\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON"})
        void aBodylessPostSayingJsonReachesTheResource(String type) throws IOException {
            assertThat(status(send(APP.getLocalPort(), "POST", "/api/duplicates/999999/merge", "localhost", type, "")))
                    .isEqualTo(404);
        }
    }

    @Nested
    class HostHeader {
        @ParameterizedTest
        @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:80", "127.9.8.7:1234",
            "[::1]", "[::1]:8080", "LOCALHOST."})
        void localhostAndTheLoopbackAddressesOnAnyPortAreAnswered(String host) throws IOException {
            assertThat(status(send(APP.getLocalPort(), "GET", "/api/sources", host, null, null))).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {"rebound.example", "rebound.example:8080", "10.0.0.7", "127.0.0.1.rebound.example",
            "localhost.rebound.example", "[::2]"})
        void anyOtherHostIsRefusedWith421OnEveryPath(String host) throws IOException {
            for (String path : new String[] {"/api/sources", "/demo/index.html", "/no/such/path"}) {
                String answer = send(APP.getLocalPort(), "GET", path, host, null, null);
                assertThat(status(answer)).as("%s %s", host, path).isEqualTo(421);
                assertThat(answer).contains("\"code\":\"host_not_allowed\"");
            }
        }

        @Test
        void theAdminPortAnswersWhateverTheHost() throws IOException {
            assertThat(status(send(APP.getAdminPort(), "GET", "/ping", "scraper-1.internal:8081", null, null)))
                    .isEqualTo(200);
        }
    }

    /** One HTTP/1.1 request on its own connection; the whole answer as text. */
    static String send(int port, String method, String path, String host, String contentType, String body)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n");
            if (contentType != null) {
                request.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
            }
            request.append("\r\n").append(body == null ? "" : body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static int status(String answer) {
        return Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
    }
}
