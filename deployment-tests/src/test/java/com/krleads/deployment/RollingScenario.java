package com.krleads.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload of {@link RollingRestartIT}: a steady load through the balancer; each replica in turn
 * stopped with SIGTERM (while it runs a job) and started again; then replica A killed with SIGKILL and
 * started again. What happened is written down for the assertions and the report.
 */
final class RollingScenario {
    /** The replicas' first requests (class loading, JIT): sent and checked like the others, reported apart. */
    static final String WARM_UP = "warm-up";
    static final Duration WARM_UP_TIME = Duration.ofSeconds(3);
    static final String BEFORE = "before";
    static final String AFTER = "after ";
    static final Duration STEADY = Duration.ofSeconds(6);
    /**
     * The sources' politeness delay (production's minimum): a job of three pages runs for at least
     * twice this. Every source is on the one fixture host, and the delay holds per host across
     * replicas, so the jobs share it: about 4 s of the host's time a job, a job every 12 s.
     */
    static final Duration POLITENESS = Duration.ofMillis(1000);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One replica stopped and started again. */
    record Restart(String phase, ServiceReplica replica, String stoppedProcess, Path stoppedLog, String otherProcess,
                   List<Long> runningAtStop, Instant stoppedAt, Duration stopTook, Duration takenOverAfter,
                   Duration backInBalancer) {
    }

    /** The SIGKILL: how long the balancer kept the dead replica, and HAProxy's own retry counters. */
    record Kill(String phase, String killedProcess, String otherProcess, List<Long> runningAtKill, Instant killedAt,
                Duration untilMarkedDown, Duration takenOverAfter, long retries, long redispatches) {
    }

    private final RollingWorld world;
    final SteadyLoad load;
    final JobOwners owners;
    final List<Restart> restarts = new ArrayList<>();
    Kill kill;
    Map<String, Long> jobsAtEnd;
    List<SteadyLoad.Sent> sent;

    RollingScenario(RollingWorld world) {
        this.world = world;
        this.load = new SteadyLoad(world.balancer.baseUrl(), world.token, this::sourceBody);
        this.owners = new JobOwners(world.database);
    }

    void run() throws Exception {
        load.phase(WARM_UP);
        load.start();
        sleep(WARM_UP_TIME);
        load.phase(BEFORE);
        sleep(STEADY);
        for (ServiceReplica replica : world.replicas()) {
            restart(replica);
            load.phase(AFTER + restarts.get(restarts.size() - 1).phase());
            sleep(STEADY);
        }
        killAndRestart(world.replicaA);
        load.phase(AFTER + kill.phase());
        sleep(STEADY);
        load.stop();
        sent = load.sent();
        Await.until("every acknowledged job finished", Duration.ofSeconds(120),
                () -> world.database.count("SELECT COUNT(*) FROM jobs WHERE status IN ('queued', 'running')") == 0,
                world.replicaA.process(), world.replicaB.process());
        jobsAtEnd = world.database.jobsByStatus();
        owners.close();
    }

    /** SIGTERM while the replica runs a job it started just now (so it cannot finish during the wait), wait, start. */
    private void restart(ServiceReplica replica) throws Exception {
        String phase = "SIGTERM " + replica.name();
        String process = replica.leaseOwnerPrefix();
        awaitFreshJobOn(replica);
        load.phase(phase);
        Path log = replica.process().log();
        String other = other(replica).leaseOwnerPrefix();
        List<Long> running = runningOn(process);
        Instant stoppedAt = Instant.now();
        replica.terminate(RollingWorld.STOP_LIMIT);
        Duration stopTook = Duration.between(stoppedAt, Instant.now());
        awaitTakenOver(RollingReport.givenBack(log), other);
        Duration takenOver = Duration.between(stoppedAt, Instant.now());
        replica.launch();
        replica.awaitReady();
        Await.until(replica.name() + " back in the balancer", Duration.ofSeconds(30),
                () -> "UP".equals(world.balancer.serverStates().get(replica.name())), world.balancer.process());
        restarts.add(new Restart(phase, replica, process, log, other, running, stoppedAt, stopTook, takenOver,
                Duration.between(stoppedAt, Instant.now())));
    }

    private void killAndRestart(ServiceReplica replica) throws Exception {
        String phase = "SIGKILL " + replica.name();
        String process = replica.leaseOwnerPrefix();
        awaitFreshJobOn(replica);
        load.phase(phase);
        List<Long> running = runningOn(process);
        long retriesBefore = world.balancer.counter(replica.name(), "wretr");
        long redispatchesBefore = world.balancer.counter(replica.name(), "wredis");
        Instant killedAt = Instant.now();
        replica.kill();
        Await.until(replica.name() + " marked down", Duration.ofSeconds(30),
                () -> !world.balancer.serverStates().get(replica.name()).startsWith("UP"), world.balancer.process());
        Duration untilDown = Duration.between(killedAt, Instant.now());
        long retries = world.balancer.counter(replica.name(), "wretr") - retriesBefore;
        long redispatches = world.balancer.counter(replica.name(), "wredis") - redispatchesBefore;
        awaitTakenOver(running, other(replica).leaseOwnerPrefix());
        Duration takenOver = Duration.between(killedAt, Instant.now());
        replica.launch();
        replica.awaitReady();
        Await.until(replica.name() + " back in the balancer", Duration.ofSeconds(30),
                () -> "UP".equals(world.balancer.serverStates().get(replica.name())), world.balancer.process());
        kill = new Kill(phase, process, other(replica).leaseOwnerPrefix(), running, killedAt, untilDown, takenOver,
                retries, redispatches);
    }

    private ServiceReplica other(ServiceReplica replica) {
        return replica == world.replicaA ? world.replicaB : world.replicaA;
    }

    /** Until the replica runs a job it started within the last second: one that cannot end before the replica stops. */
    private void awaitFreshJobOn(ServiceReplica replica) throws Exception {
        Await.until(replica.name() + " running a job it started within the last second", Duration.ofSeconds(60),
                () -> world.database.count("SELECT COUNT(*) FROM jobs WHERE status = 'running' AND lease_owner LIKE '"
                        + replica.leaseOwnerPrefix() + "%' AND started_at > NOW() - INTERVAL '1 second'") > 0,
                replica.process());
    }

    /**
     * The "wait" of stop, wait, start: until the other replica runs (or has completed) every job the
     * stopped one had, so that the jobs under test are not simply picked up again by the restarted one.
     */
    private void awaitTakenOver(List<Long> jobs, String otherProcess) throws Exception {
        Await.until("jobs " + jobs + " taken over", Duration.ofSeconds(60), () -> world.database.jobs().stream()
                .filter(job -> jobs.contains(job.id()))
                .allMatch(job -> job.status().equals("completed")
                        || job.status().equals("running") && job.leaseOwner().startsWith(otherProcess)));
    }

    private List<Long> runningOn(String process) throws Exception {
        List<Long> running = new ArrayList<>();
        world.database.runningJobOwners().forEach((job, owner) -> {
            if (owner.startsWith(process)) {
                running.add(job);
            }
        });
        return running;
    }

    /** Source number n: the fixture directory (three pages), its start URL made distinct by a query the site ignores. */
    private String sourceBody(int n) {
        try {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("name", "rolling-" + n);
            source.put("startUrl", world.site.startUrl() + "?source=" + n);
            source.put("selectors", FixtureSite.selectors());
            source.put("maxPages", 3);
            source.put("delayMillis", POLITENESS.toMillis());
            return JSON.writeValueAsString(source);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
