package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.krleads.scraper.auth.ApiTokens;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A production-shaped world on loopback: two replicas of the packaged jar with config-prod.yml on
 * one PostgreSQL, the fixture site they scrape, a neighbour service under another job name,
 * Debian's Prometheus scraping all three with the generated rules and remote-writing (with the
 * settings of deploy/prometheus/remote-write.example.yml) to VictoriaMetrics and to a second
 * Prometheus that receives remote_write.
 */
final class ScaledOutWorld implements AutoCloseable {
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);
    static final Duration LEASE = Duration.ofSeconds(6);
    static final int WORKER_THREADS = 2;
    /** Alerts wait at most this long in pending here (see {@link GeneratedRules#copyWithShortFor}). */
    static final Duration LONGEST_FOR = Duration.ofSeconds(10);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Path workDir;
    final SharedDatabase database;
    final FixtureSite site;
    final NeighbourTarget neighbour;
    final ServiceReplica replicaA;
    final ServiceReplica replicaB;
    final VictoriaMetricsServer victoria;
    final PrometheusServer receiver;
    final PrometheusServer scraper;
    final Instant scrapingSince;

    private ScaledOutWorld(Path workDir, SharedDatabase database, FixtureSite site, NeighbourTarget neighbour,
                           ServiceReplica replicaA, ServiceReplica replicaB, VictoriaMetricsServer victoria,
                           PrometheusServer receiver, PrometheusServer scraper) {
        this.workDir = workDir;
        this.database = database;
        this.site = site;
        this.neighbour = neighbour;
        this.replicaA = replicaA;
        this.replicaB = replicaB;
        this.victoria = victoria;
        this.receiver = receiver;
        this.scraper = scraper;
        this.scrapingSince = Instant.now();
    }

    static ScaledOutWorld start() throws Exception {
        Path workDir = Files.createTempDirectory(ProjectFiles.path("deployment-tests/target"), "scaled-out-");
        SharedDatabase database = SharedDatabase.start();
        FixtureSite site = FixtureSite.start();
        NeighbourTarget neighbour = NeighbourTarget.start();
        String token = ApiTokens.newToken();
        List<ServiceReplica> replicas = ProductionReplicas.launch(workDir, database, token, Map.of(
                "WORKER_THREADS", String.valueOf(WORKER_THREADS),
                "WORKER_LEASE_DURATION", LEASE.toSeconds() + "s",
                "WORKER_POLL_INTERVAL", "1s",
                // No DNS on the build machines: MX lookups would only wait for their timeout.
                "VERIFICATION_ENABLED", "false",
                "LOG_LEVEL", "WARN"));
        ServiceReplica a = replicas.get(0);
        ServiceReplica b = replicas.get(1);
        VictoriaMetricsServer victoria = VictoriaMetricsServer.start(workDir);
        PrometheusServer receiver = PrometheusServer.start("receiver", workDir,
                "global:\n  evaluation_interval: 1m\n", "--web.enable-remote-write-receiver");
        a.awaitHealthy();
        b.awaitHealthy();
        Path rules = GeneratedRules.copyWithShortFor(workDir.resolve("rules"), LONGEST_FOR);
        PrometheusServer scraper = PrometheusServer.start("scraper", workDir,
                scraperConfig(rules, List.of(a.target(), b.target()), neighbour.target(), victoria.remoteWriteUrl(),
                        receiver.remoteWriteUrl()));
        ScaledOutWorld world = new ScaledOutWorld(workDir, database, site, neighbour, a, b, victoria, receiver, scraper);
        Await.until("three healthy scrape targets", Duration.ofSeconds(60), () -> world.healthyTargets() == 3,
                scraper.process());
        return world;
    }

    /**
     * The production scrape job (name and path from deploy/prometheus/prometheus.prod.yml) on the two
     * replicas, the neighbour's job, the generated rules, and the documented remote_write entries.
     * The receiver's entry drops the neighbour's job: the receiver then holds the world without the
     * neighbour, so a query that agrees on the scraper and on the receiver cannot have let it in.
     */
    static String scraperConfig(Path rules, List<String> replicas, String neighbour, String victoriaUrl,
                                String receiverUrl) throws Exception {
        JsonNode prod = ProjectFiles.yaml("deploy/prometheus/prometheus.prod.yml");
        JsonNode job = prod.at("/scrape_configs/0");
        ObjectNode config = YAML.createObjectNode();
        ObjectNode global = config.putObject("global");
        global.put("scrape_interval", SCRAPE_INTERVAL.toSeconds() + "s");
        global.put("scrape_timeout", SCRAPE_INTERVAL.toSeconds() + "s");
        global.put("evaluation_interval", SCRAPE_INTERVAL.toSeconds() + "s");
        config.putArray("rule_files").add(rules + "/*.yml");
        ArrayNode scrapes = config.putArray("scrape_configs");
        ObjectNode ours = scrapes.addObject();
        ours.put("job_name", job.path("job_name").asText());
        ours.put("metrics_path", job.path("metrics_path").asText());
        replicas.forEach(ours.putArray("static_configs").addObject().putArray("targets")::add);
        ObjectNode theirs = scrapes.addObject();
        theirs.put("job_name", NeighbourTarget.JOB);
        theirs.putArray("static_configs").addObject().putArray("targets").add(neighbour);
        ArrayNode remoteWrite = (ArrayNode) ProjectFiles.yaml("deploy/prometheus/remote-write.example.yml")
                .path("remote_write").deepCopy();
        for (JsonNode entry : remoteWrite) {
            ObjectNode writer = (ObjectNode) entry;
            ((ObjectNode) writer.path("queue_config")).put("batch_send_deadline", "1s");
            if (writer.path("name").asText().equals("victoria-metrics")) {
                writer.put("url", victoriaUrl);
            } else {
                writer.put("url", receiverUrl);
                ObjectNode drop = writer.putArray("write_relabel_configs").addObject();
                drop.putArray("source_labels").add("job");
                drop.put("regex", NeighbourTarget.JOB);
                drop.put("action", "drop");
            }
        }
        config.set("remote_write", remoteWrite);
        return YAML.writeValueAsString(config);
    }

    int healthyTargets() throws Exception {
        int healthy = 0;
        for (JsonNode target : scraper.api().targets().at("/data/activeTargets")) {
            healthy += "up".equals(target.path("health").asText()) ? 1 : 0;
        }
        return healthy;
    }

    List<ServiceReplica> replicas() {
        return List.of(replicaA, replicaB);
    }

    /** The three places a dashboard can query, by name. */
    Map<String, PrometheusApi> queryEndpoints() {
        return Map.of("scraper", scraper.api(), "victoria-metrics", victoria.api(), "receiver", receiver.api());
    }

    /**
     * Waits until both remote_write queues have sent every sample up to {@code time}, then makes
     * VictoriaMetrics search them.
     */
    void awaitRemoteWriteUpTo(Instant time) throws Exception {
        Await.until("remote_write sent everything up to " + time, Duration.ofSeconds(60), () -> {
            List<Double> sent = scraper.api().metricsText().lines()
                    .filter(l -> l.startsWith("prometheus_remote_storage_queue_highest_sent_timestamp_seconds"))
                    .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).toList();
            return sent.size() == 2 && sent.stream().allMatch(t -> t >= time.getEpochSecond());
        }, scraper.process());
        victoria.flush();
    }

    @Override
    public void close() throws Exception {
        try (database; site; neighbour; replicaA; replicaB; victoria; receiver; scraper) {
            // closed in reverse order
        }
    }
}
