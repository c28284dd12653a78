package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.scraper.testing.OllamaStub;
import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the end-to-end test runs: the service jar with config.yml (H2 in a temporary folder,
 * demo site and demo job on, smart scraper against the service tests' {@link OllamaStub} (a
 * loopback server speaking Ollama's HTTP API), verification against a
 * resolver address where nothing answers), Debian's blackbox exporter with development's module
 * file, and Prometheus with the generated rules and scrape jobs equivalent to compose's (the
 * service's admin /metrics and the outside-in probe, same job names) but scraping every second.
 */
final class E2eStack implements AutoCloseable {
    /** Prometheus scrapes the service this often, in seconds (DashboardQueries derives Grafana's windows from it). */
    static final int SCRAPE_INTERVAL_SECONDS = 1;

    private final OllamaStub ollama;
    private final ServiceReplica service;
    private final BlackboxExporter blackbox;
    private final PrometheusServer prometheus;
    private final ServiceApi api;

    private E2eStack(OllamaStub ollama, ServiceReplica service, BlackboxExporter blackbox, PrometheusServer prometheus) {
        this.ollama = ollama;
        this.service = service;
        this.blackbox = blackbox;
        this.prometheus = prometheus;
        this.api = service.api();
    }

    static E2eStack start() throws Exception {
        Path workDir = Files.createTempDirectory(ProjectFiles.path("deployment-tests/target"), "e2e-");
        OllamaStub ollama = OllamaStub.start();
        Map<String, String> env = Map.ofEntries(
                Map.entry("DATABASE_URL", "jdbc:h2:file:" + workDir.resolve("db/leads")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                Map.entry("DEMO_ENABLED", "true"),
                Map.entry("DEMO_INTERVAL", "20s"),
                Map.entry("ENRICHMENT_MODE", "auto"),
                Map.entry("OLLAMA_ENABLED", "true"),
                Map.entry("OLLAMA_BASE_URL", ollama.baseUrl()),
                Map.entry("VERIFICATION_ENABLED", "true"),
                Map.entry("VERIFICATION_DNS_SERVER", "dns://127.0.0.1:" + ChildProcess.freePort()),
                Map.entry("VERIFICATION_DNS_TIMEOUT", "200ms"),
                Map.entry("LOG_LEVEL", "WARN"));
        ServiceReplica service = ServiceReplica.launch("service", "config.yml", env, workDir);
        service.awaitHealthy();
        BlackboxExporter blackbox = BlackboxExporter.start(workDir);
        PrometheusServer prometheus = PrometheusServer.start("prometheus", workDir,
                PrometheusConfigs.serviceWithGeneratedRules(SCRAPE_INTERVAL_SECONDS, service.target())
                        + probeJob(service.api().baseUrl(), blackbox));
        Await.until("first successful scrapes of the service and the probe", Duration.ofSeconds(60),
                () -> everyTargetUp(prometheus.api().targets().at("/data/activeTargets")),
                prometheus.process(), blackbox.process());
        return new E2eStack(ollama, service, blackbox, prometheus);
    }

    /**
     * Development's probe job (deploy/prometheus/prometheus.yml) every second, through Debian's
     * blackbox exporter with development's module file: the compose service name in the target
     * replaced by this machine's service, the exporter's address by the local one.
     */
    private static String probeJob(String appBaseUrl, BlackboxExporter blackbox) throws Exception {
        JsonNode job = ProbeConfigTest.probeJob("deploy/prometheus/prometheus.yml");
        URI target = URI.create(job.at("/static_configs/0/targets/0").asText());
        String probed = appBaseUrl + target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return blackbox.scrapeJob(job.path("job_name").asText(), probed);
    }

    private static boolean everyTargetUp(JsonNode targets) {
        if (targets.size() < 2) {
            return false;
        }
        for (JsonNode target : targets) {
            if (!"up".equals(target.path("health").asText())) {
                return false;
            }
        }
        return true;
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
            Await.until("job " + jobId + " completed", Duration.ofSeconds(120),
                    () -> "completed".equals(api.get("/api/jobs/" + jobId).json().path("status").asText()),
                    service.process());
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
        return prometheus.api();
    }

    @Override
    public void close() throws Exception {
        try (ollama; service; blackbox; prometheus) {
            // closed in reverse order: Prometheus, the blackbox exporter, the service, the Ollama stub
        }
    }
}
