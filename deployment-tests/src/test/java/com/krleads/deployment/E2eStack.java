package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.scraper.testing.OllamaStub;
import com.krleads.testing.RequiredTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What the end-to-end test runs: the service jar with config.yml (H2 in a temporary folder,
 * demo site and demo job on, smart scraper against the service tests' {@link OllamaStub} (a
 * loopback server speaking Ollama's HTTP API), verification against a
 * resolver address where nothing answers), and Prometheus with the generated rules and a scrape
 * config equivalent to compose's (same job name, admin /metrics) but scraping every second.
 */
final class E2eStack implements AutoCloseable {
    /** Prometheus scrapes the service this often, in seconds (DashboardQueries derives Grafana's windows from it). */
    static final int SCRAPE_INTERVAL_SECONDS = 1;

    private final Path workDir;
    private final OllamaStub ollama;
    private final ManagedProcess service;
    private final ManagedProcess prometheusProcess;
    private final ServiceApi api;
    private final PrometheusApi prometheus;

    private E2eStack(Path workDir, OllamaStub ollama, ManagedProcess service, ManagedProcess prometheusProcess,
                     ServiceApi api, PrometheusApi prometheus) {
        this.workDir = workDir;
        this.ollama = ollama;
        this.service = service;
        this.prometheusProcess = prometheusProcess;
        this.api = api;
        this.prometheus = prometheus;
    }

    static E2eStack start() throws Exception {
        Path jar = ProjectFiles.path("service/target/kr-lead-scraper.jar");
        assertThat(jar).as("run after `mvn package` of the service").exists();
        Path workDir = Files.createTempDirectory(ProjectFiles.path("deployment-tests/target"), "e2e-");
        OllamaStub ollama = OllamaStub.start();
        int appPort = ManagedProcess.freePort();
        int adminPort = ManagedProcess.freePort();
        int promPort = ManagedProcess.freePort();
        Map<String, String> env = Map.ofEntries(
                Map.entry("APP_PORT", String.valueOf(appPort)),
                Map.entry("ADMIN_PORT", String.valueOf(adminPort)),
                Map.entry("DATABASE_URL", "jdbc:h2:file:" + workDir.resolve("db/leads")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                Map.entry("DEMO_ENABLED", "true"),
                Map.entry("DEMO_INTERVAL", "20s"),
                Map.entry("ENRICHMENT_MODE", "auto"),
                Map.entry("OLLAMA_ENABLED", "true"),
                Map.entry("OLLAMA_BASE_URL", ollama.baseUrl()),
                Map.entry("VERIFICATION_ENABLED", "true"),
                Map.entry("VERIFICATION_DNS_SERVER", "dns://127.0.0.1:" + ManagedProcess.freePort()),
                Map.entry("VERIFICATION_DNS_TIMEOUT", "200ms"),
                Map.entry("LOG_LEVEL", "WARN"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ManagedProcess service = ManagedProcess.start("service",
                List.of(java, "-Xmx512m", "-jar", jar.toString(), "server", "config.yml"),
                ProjectFiles.root(), env, workDir.resolve("service.log"));
        ServiceApi api = new ServiceApi("http://127.0.0.1:" + appPort);
        ServiceApi admin = new ServiceApi("http://127.0.0.1:" + adminPort);
        waitFor("service health check on the admin port", Duration.ofSeconds(90), service,
                () -> admin.up("/healthcheck"));

        Path promConfig = writePrometheusConfig(workDir, adminPort);
        ManagedProcess prometheusProcess = ManagedProcess.start("prometheus", List.of(
                        RequiredTools.require("prometheus", "prometheus").toString(),
                        "--config.file=" + promConfig,
                        "--storage.tsdb.path=" + workDir.resolve("prometheus-data"),
                        "--web.listen-address=127.0.0.1:" + promPort),
                workDir, Map.of(), workDir.resolve("prometheus.log"));
        PrometheusApi prometheus = new PrometheusApi("http://127.0.0.1:" + promPort);
        waitFor("Prometheus ready", Duration.ofSeconds(60), prometheusProcess, prometheus::ready);
        waitFor("first successful scrape", Duration.ofSeconds(60), prometheusProcess,
                () -> "up".equals(prometheus.targets().at("/data/activeTargets/0/health").asText()));
        return new E2eStack(workDir, ollama, service, prometheusProcess, api, prometheus);
    }

    /** Compose's scrape job (same name and path), every second, with the generated rules. */
    private static Path writePrometheusConfig(Path workDir, int adminPort) throws IOException {
        JsonNode compose = ProjectFiles.yaml("deploy/prometheus/prometheus.yml");
        JsonNode job = compose.at("/scrape_configs/0");
        Path rules = ProjectFiles.path("dashboards-as-code/target/grafana/prometheus/rules");
        String config = """
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: %s
                    metrics_path: %s
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(SCRAPE_INTERVAL_SECONDS, SCRAPE_INTERVAL_SECONDS, rules, job.path("job_name").asText(), job.path("metrics_path").asText(), adminPort);
        Path file = workDir.resolve("prometheus.yml");
        Files.writeString(file, config);
        return file;
    }

    /** API calls of every kind, a scraping job against the demo site, then time for scrapes. */
    void driveTraffic() throws Exception {
        assertThat(api.get("/demo/page1.html").status()).as("demo site served").isEqualTo(200);
        String source = """
                {"name": "e2e-directory", "startUrl": "%s/demo/page1.html",
                 "selectors": {"item": ".listing", "name": ".name", "phone": ".tel",
                               "email": "a[href^=mailto]", "website": "a.homepage", "address": ".addr",
                               "category": ".cat", "nextPage": "a.next"},
                 "maxPages": 5, "delayMillis": 200}""".formatted(api.baseUrl());
        ServiceApi.Answer created = api.post("/api/sources", source);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long sourceId = created.json().path("id").asLong();
        assertThat(api.post("/api/sources", source).status()).isEqualTo(409);
        assertThat(api.post("/api/sources", source.replace("e2e-directory", "bad").replace("http://", "ftp://")).status())
                .isEqualTo(422);
        assertThat(api.post("/api/sources", "{\"name\": ").status()).isEqualTo(400);
        assertThat(api.get("/api/jobs/987654").status()).isEqualTo(404);
        assertThat(api.get("/no/such/path").status()).isEqualTo(404);
        // Two jobs one after the other (one job per source at a time): Prometheus, scraping every
        // second, sees the job counters of the source go up, which rates and increases need.
        for (int run = 0; run < 2; run++) {
            ServiceApi.Answer job = api.post("/api/jobs", "{\"sourceId\": " + sourceId + "}");
            assertThat(job.status()).as(job.body()).isEqualTo(202);
            long jobId = job.json().path("id").asLong();
            waitFor("job " + jobId + " completed", Duration.ofSeconds(120), service,
                    () -> "completed".equals(api.get("/api/jobs/" + jobId).json().path("status").asText()));
            Thread.sleep(2000);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/leads?page=1&size=20").status()).isEqualTo(200);
            assertThat(api.get("/api/sources").status()).isEqualTo(200);
            assertThat(api.get("/api/duplicates?status=open").status()).isEqualTo(200);
            Thread.sleep(500);
        }
        assertThat(ollama.chatBodies()).as("the smart scraper asked the Ollama stub").isNotEmpty();
        Thread.sleep(4000);
    }

    PrometheusApi prometheus() {
        return prometheus;
    }

    private static void waitFor(String what, Duration limit, ManagedProcess process, Callable<Boolean> condition)
            throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(process.describe() + " exited while waiting for " + what
                        + "\n" + tail(process.log()));
            }
            try {
                if (condition.call()) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + "\n" + tail(process.log()));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws Exception {
        try (ollama; service; prometheusProcess) {
            // closed in reverse order: Prometheus, the service, the Ollama stub
        }
    }
}
