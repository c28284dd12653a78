package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.Settings;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import com.krleads.scraper.auth.ApiTokens;
import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import com.krleads.testing.RequiredTools;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production probe end to end on this machine: Debian's blackbox exporter with the production
 * module file (the token file moved to a temporary folder) probes the packaged service started
 * with config-prod.yml, at the address and path the production Prometheus job asks for. With the
 * reader key it succeeds and the service counts the request like any client's; with a revoked key
 * it fails. The process also shows the pool and process series System Health reads under their
 * declared names.
 */
class ProbeIT {
    private static final Pattern SUCCESS = Pattern.compile("(?m)^probe_success (\\S+)$");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theProductionModuleProbesTheServiceWithItsReaderKey() throws Exception {
        String exporter = RequiredTools.require("prometheus-blackbox-exporter", "prometheus-blackbox-exporter").toString();
        Path workDir = Files.createTempDirectory(ProjectFiles.path("deployment-tests/target"), "probe-");
        String token = ApiTokens.newToken();
        Path keys = workDir.resolve("api_keys");
        Files.writeString(keys, "reader " + ApiTokens.sha256Hex(token) + "\n");
        Path tokenFile = workDir.resolve("probe_token");
        Files.writeString(tokenFile, token + "\n");
        String modules = ProbeConfigTest.moduleFile("docker-compose.prod.yml");
        String credentials = ProjectFiles.yaml(modules).at("/modules/" + Settings.PROBE_MODULE
                + "/http/authorization/credentials_file").asText();
        Path config = workDir.resolve("blackbox.yml");
        Files.writeString(config, Files.readString(ProjectFiles.path(modules)).replace(credentials, tokenFile.toString()));
        int exporterPort = ChildProcess.freePort();

        try (SharedDatabase database = SharedDatabase.start();
             ServiceReplica service = ServiceReplica.launch("service", "config-prod.yml", Map.ofEntries(
                     Map.entry("API_KEYS_FILE", keys.toString()),
                     Map.entry("DATABASE_URL", database.jdbcUrl()),
                     Map.entry("DATABASE_USER", database.user()),
                     Map.entry("DATABASE_PASSWORD", ""),
                     Map.entry("WORKER_ENABLED", "false"),
                     Map.entry("VERIFICATION_ENABLED", "false"),
                     Map.entry("LOG_LEVEL", "WARN")), workDir);
             ChildProcess blackbox = ChildProcess.start("blackbox", List.of(exporter, "--config.file=" + config,
                     "--web.listen-address=127.0.0.1:" + exporterPort), workDir, Map.of(), workDir.resolve("blackbox.log"))) {
            service.awaitHealthy();
            Await.until("blackbox exporter ready", Duration.ofSeconds(30),
                    () -> get("http://127.0.0.1:" + exporterPort + "/-/healthy").statusCode() == 200, blackbox);
            // The production job's target, with the compose service name replaced by this machine's replica.
            URI target = URI.create(ProbeConfigTest.probeJob("deploy/prometheus/prometheus.prod.yml")
                    .at("/static_configs/0/targets/0").asText());
            String probed = "http://127.0.0.1:" + service.api().baseUrl().replaceAll(".*:", "") + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            String probe = "http://127.0.0.1:" + exporterPort + "/probe?module=" + Settings.PROBE_MODULE
                    + "&target=" + URLEncoder.encode(probed, StandardCharsets.UTF_8);

            double before = answered(service, target.getPath(), "200");
            assertThat(success(probe)).as("probe with the reader key").isEqualTo(1);
            assertThat(answered(service, target.getPath(), "200")).as("the probe's request is counted")
                    .isEqualTo(before + 1);

            Files.writeString(tokenFile, ApiTokens.newToken() + "\n");
            assertThat(success(probe)).as("probe with a key the service does not know").isEqualTo(0);
            assertThat(answered(service, target.getPath(), "401")).isEqualTo(1);

            // The same production process exports every family the System Health panels read besides the catalog's.
            String metrics = get(service.admin().baseUrl() + "/metrics").body();
            for (MetricFamily family : List.of(KnownSeries.PROCESS_CPU_SECONDS, KnownSeries.PROCESS_START_TIME_SECONDS,
                    KnownSeries.PROCESS_OPEN_FDS, KnownSeries.PROCESS_MAX_FDS, KnownSeries.JETTY_THREADS,
                    KnownSeries.JETTY_THREADS_BUSY_OF_MAX, KnownSeries.JETTY_QUEUED_JOBS, KnownSeries.DB_POOL_ACTIVE,
                    KnownSeries.DB_POOL_IDLE, KnownSeries.DB_POOL_WAITING)) {
                assertThat(metrics).as(family.name()).containsPattern("(?m)^" + family.name() + " \\S+$");
            }
        }
    }

    private double success(String probe) throws Exception {
        HttpResponse<String> answer = get(probe);
        assertThat(answer.statusCode()).isEqualTo(200);
        java.util.regex.Matcher m = SUCCESS.matcher(answer.body());
        assertThat(m.find()).as(answer.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The service's own count of GET requests to the route answered with the status (0 before the first). */
    private double answered(ServiceReplica service, String route, String status) throws Exception {
        String metrics = get(service.admin().baseUrl() + "/metrics").body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(MetricCatalog.HTTP_REQUESTS.name() + "{") && line.contains(Labels.ENDPOINT + "=\"" + route + "\"")
                    && line.contains(Labels.METHOD + "=\"GET\"") && line.contains(Labels.STATUS + "=\"" + status + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
