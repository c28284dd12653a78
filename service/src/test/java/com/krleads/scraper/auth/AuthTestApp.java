package com.krleads.scraper.auth;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The real application with API keys on, as in production: a keys file, logs and request logs
 * written to files (plain and JSON request log) so that tests can read every line, the admin
 * port with its production allow-list, and a small job allowance per key.
 */
final class AuthTestApp implements AutoCloseable {
    static final int JOBS_PER_KEY = 2;
    final Path dir;
    final Path keysFile;
    final String readerToken = ApiTokens.newToken();
    final String operatorToken = ApiTokens.newToken();
    final String otherOperatorToken = ApiTokens.newToken();
    final DropwizardTestSupport<LeadScraperConfiguration> support;
    private final HttpClient client = HttpClient.newHttpClient();

    private AuthTestApp(Path dir) throws Exception {
        this.dir = dir;
        this.keysFile = dir.resolve("api_keys");
        Files.writeString(keysFile, "# test keys\n"
                + "reader " + ApiTokens.sha256Hex(readerToken) + "\n\n"
                + "operator " + ApiTokens.sha256Hex(operatorToken) + "\n"
                + "  operator   " + ApiTokens.sha256Hex(otherOperatorToken).toUpperCase() + "  \n");
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                server:
                  applicationConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
                  adminConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
                  requestLog:
                    appenders:
                      - {type: file, currentLogFilename: "%1$s/request.log", archive: false}
                      - {type: file, currentLogFilename: "%1$s/request.json", archive: false, layout: {type: access-json}}
                database:
                  driverClass: org.h2.Driver
                  url: "%2$s"
                  user: sa
                  password: ""
                  validationQuery: "SELECT 1"
                worker: {enabled: false}
                health:
                  responder: {type: admin-servlet}
                  healthChecks: [{name: database, type: ready, critical: true}]
                scraper: {allowPrivateAddresses: true}
                auth:
                  enabled: true
                  keysFile: "%3$s"
                  reloadInterval: 100ms
                limits:
                  minDelay: 0ms
                  jobsPerKey: %4$d
                  jobsPerKeyPeriod: 1h
                logging:
                  level: INFO
                  loggers: {"com.krleads": DEBUG, "io.dropwizard.auth": DEBUG}
                  appenders:
                    - {type: file, currentLogFilename: "%1$s/service.log", archive: false, threshold: ALL}
                    - {type: file, currentLogFilename: "%1$s/service.json", archive: false, layout: {type: json}}
                """.formatted(dir, TestDatabase.h2Url("auth-" + UUID.randomUUID()), keysFile, JOBS_PER_KEY));
        support = new DropwizardTestSupport<>(LeadScraperApplication.class, config.toString());
        support.before();
    }

    static AuthTestApp start(Path parent) throws Exception {
        return new AuthTestApp(Files.createTempDirectory(parent, "auth-"));
    }

    int apiPort() {
        return support.getLocalPort();
    }

    int adminPort() {
        return support.getAdminPort();
    }

    HttpResponse<String> call(String method, String path, String token, String json) {
        return send(apiPort(), method, path, token == null ? null : "Bearer " + token, json);
    }

    HttpResponse<String> callWithHeader(String method, String path, String authorization, String json) {
        return send(apiPort(), method, path, authorization, json);
    }

    HttpResponse<String> admin(String method, String path) {
        return send(adminPort(), method, path, null, null);
    }

    private HttpResponse<String> send(int port, String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null || method.equals("POST") || method.equals("PUT")) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        support.after();
    }
}
