package com.krleads.deployment;

import com.krleads.scraper.auth.ApiTokens;
import com.krleads.scraper.testing.FixtureSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Two replicas of the packaged jar with config-prod.yml on one PostgreSQL, behind Debian's HAProxy
 * with the shipped configuration ({@link LoadBalancer}), and the fixture site their jobs scrape.
 * Logs at INFO in production's JSON layout, one file per replica start.
 */
final class RollingWorld implements AutoCloseable {
    static final Duration LEASE = Duration.ofSeconds(4);
    static final int WORKER_THREADS = 4;
    /** Unready but serving: longer than the balancer's 2 failed checks 500 ms apart (production: 10 s, checks 2 s apart). */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);
    /** Generous: the wait, the drain of requests in flight, then the workers giving their jobs back. */
    static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    final Path workDir;
    final SharedDatabase database;
    final FixtureSite site;
    final ServiceReplica replicaA;
    final ServiceReplica replicaB;
    final LoadBalancer balancer;
    final String token;

    private RollingWorld(Path workDir, SharedDatabase database, FixtureSite site, ServiceReplica replicaA,
                         ServiceReplica replicaB, LoadBalancer balancer, String token) {
        this.workDir = workDir;
        this.database = database;
        this.site = site;
        this.replicaA = replicaA;
        this.replicaB = replicaB;
        this.balancer = balancer;
        this.token = token;
    }

    static RollingWorld start() throws Exception {
        Path workDir = Files.createTempDirectory(ProjectFiles.path("deployment-tests/target"), "rolling-");
        SharedDatabase database = SharedDatabase.start();
        FixtureSite site = FixtureSite.start();
        String token = ApiTokens.newToken();
        List<ServiceReplica> replicas = ProductionReplicas.launch(workDir, database, token, Map.ofEntries(
                Map.entry("WORKER_THREADS", String.valueOf(WORKER_THREADS)),
                Map.entry("WORKER_LEASE_DURATION", LEASE.toSeconds() + "s"),
                Map.entry("WORKER_POLL_INTERVAL", "500ms"),
                // Jobs running when the workers stop go straight back to the queue: the takeover under test.
                Map.entry("WORKER_SHUTDOWN_GRACE", "0s"),
                Map.entry("SHUTDOWN_WAIT_PERIOD", SHUTDOWN_WAIT.toMillis() + "ms"),
                Map.entry("READINESS_CHECK_INTERVAL", "500ms"),
                Map.entry("LIMIT_JOBS_PER_KEY", "500"),
                Map.entry("VERIFICATION_ENABLED", "false"),
                Map.entry("LOG_LEVEL", "INFO")));
        ServiceReplica a = replicas.get(0);
        ServiceReplica b = replicas.get(1);
        a.awaitReady();
        b.awaitReady();
        LoadBalancer balancer = LoadBalancer.start(workDir, replicas);
        return new RollingWorld(workDir, database, site, a, b, balancer, token);
    }

    List<ServiceReplica> replicas() {
        return List.of(replicaA, replicaB);
    }

    @Override
    public void close() throws Exception {
        try (database; site; replicaA; replicaB; balancer) {
            // closed in reverse order
        }
    }
}
