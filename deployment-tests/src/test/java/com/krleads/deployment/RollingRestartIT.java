package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.deployment.RollingScenario.Restart;
import com.krleads.deployment.SharedDatabase.JobRow;
import com.krleads.deployment.SteadyLoad.Acknowledged;
import com.krleads.deployment.SteadyLoad.Sent;
import com.krleads.testing.RequiredTools;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A rolling restart with nothing lost: two replicas of the packaged jar behind Debian's HAProxy with
 * the shipped configuration, a steady mixed load with an operator key, each replica stopped with
 * SIGTERM and started again, then one killed with SIGKILL. The table of requests, latencies, writes
 * and jobs per phase is printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollingRestartIT {
    private RollingWorld world;
    private RollingScenario scenario;
    private long startedNanos;

    @BeforeAll
    void runTheRollingRestart() throws Exception {
        RequiredTools.require("haproxy", "haproxy");
        startedNanos = System.nanoTime();
        world = RollingWorld.start();
        scenario = new RollingScenario(world);
        scenario.run();
    }

    @AfterAll
    void stop() throws Exception {
        if (scenario != null && scenario.sent != null) {
            RollingReport.print(scenario, world);
        }
        if (world != null) {
            world.close();
        }
        System.out.printf("rolling restart: wall time %d s%n", Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
    }

    @Test
    void noRequestFailsWhileEachReplicaIsRestartedInTurn() {
        List<Sent> graceful = scenario.sent.stream().filter(s -> !s.phase().equals(scenario.kill.phase())).toList();
        assertThat(graceful).hasSizeGreaterThan(500);
        assertThat(graceful).filteredOn(Sent::failed).as("5xx answers and connection errors").isEmpty();
        assertThat(graceful).extracting(Sent::status).as("every answer as the load expects it")
                .allMatch(status -> status == 200 || status == 201 || status == 202);
        for (Restart restart : scenario.restarts) {
            assertThat(graceful).filteredOn(s -> s.phase().equals(restart.phase())).as(restart.phase()).hasSizeGreaterThan(50);
        }
    }

    @Test
    void everyAcknowledgedWriteIsPresentAfterwards() throws Exception {
        List<Acknowledged> sources = scenario.load.acknowledged("source");
        List<Acknowledged> jobs = scenario.load.acknowledged("job");
        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(jobs).hasSizeGreaterThan(10);
        String pairs = sources.stream().map(s -> "(" + s.id() + ", '" + s.name() + "')").collect(Collectors.joining(", "));
        assertThat(world.database.count("SELECT COUNT(*) FROM sources WHERE (id, name) IN (" + pairs + ")"))
                .isEqualTo(sources.size());
        String ids = jobs.stream().map(j -> String.valueOf(j.id())).collect(Collectors.joining(", "));
        assertThat(world.database.count("SELECT COUNT(*) FROM jobs WHERE status = 'completed' AND id IN (" + ids + ")"))
                .as("acknowledged jobs completed").isEqualTo(jobs.size());
    }

    /**
     * A job running at SIGTERM either finished during the wait or was given back (the stopped
     * process's log says which); a given-back job ran again on the other replica and completed there
     * once: the given-back attempt does not count, so it completed at attempt 1.
     */
    @Test
    void jobsRunningOnAStoppedReplicaAreCompletedOnceByTheOther() throws Exception {
        for (Restart restart : scenario.restarts) {
            List<Long> given = RollingReport.givenBack(restart);
            assertThat(given).as("jobs %s gave back", restart.phase()).isNotEmpty();
            for (long id : restart.runningAtStop()) {
                assertThat(job(id).status()).as("job %d, running at %s", id, restart.phase()).isEqualTo("completed");
            }
            for (long id : given) {
                JobRow job = job(id);
                assertThat(job.status()).as("job %d", id).isEqualTo("completed");
                // A job given back, then running on the other replica when the SIGKILL phase kills it, is taken over once more.
                int attempts = scenario.kill.runningAtKill().contains(id) ? 2 : 1;
                assertThat(job.attempts()).as("job %d", id).isEqualTo(attempts);
                assertThat(job.finishedAt()).isAfter(restart.stoppedAt());
                assertThat(scenario.owners.ranOn(id, restart.otherProcess())).as("job %d ran on the other replica", id).isTrue();
            }
        }
    }

    /** SIGKILL gives nothing back: the killed replica's jobs wait for their lease, then the other completes them. */
    @Test
    void afterASigkillTheBalancerStopsRoutingAndTheJobsAreTakenOver() throws Exception {
        RollingScenario.Kill kill = scenario.kill;
        assertThat(kill.untilMarkedDown()).as("dead replica marked down").isLessThan(Duration.ofSeconds(10));
        // Only requests in flight on the killed replica can be lost, at most one per client; retries resend them.
        assertThat(scenario.sent).filteredOn(s -> s.phase().equals(kill.phase()) && s.failed())
                .hasSizeLessThanOrEqualTo(SteadyLoad.CLIENTS);
        assertThat(kill.runningAtKill()).as("jobs running at SIGKILL").isNotEmpty();
        for (long id : kill.runningAtKill()) {
            JobRow job = job(id);
            assertThat(job.status()).as("job %d", id).isEqualTo("completed");
            assertThat(job.attempts()).as("job %d: one attempt killed, one completed", id).isEqualTo(2);
            assertThat(scenario.owners.ranOn(id, kill.otherProcess())).as("job %d ran on the other replica", id).isTrue();
        }
        assertThat(scenario.jobsAtEnd).containsOnlyKeys("completed");
    }

    /** One request and one job followed through production's JSON logs by their ids. */
    @Test
    void aRequestAndAJobCanBeFollowedThroughTheJsonLogs() throws Exception {
        Acknowledged job = scenario.load.acknowledged("job").get(0);
        List<JsonNode> lines = JsonLogs.read(world.workDir, "replica-");

        assertThat(lines).as("the request log line of %s", job.requestId()).anySatisfy(line -> {
            assertThat(line.at("/responseHeaders/X-Request-Id").asText()).isEqualTo(job.requestId());
            assertThat(line.path("uri").asText()).isEqualTo("/api/jobs");
            assertThat(line.path("status").asInt()).isEqualTo(202);
        });
        assertThat(lines).as("the service's line for request %s", job.requestId()).anySatisfy(line -> {
            assertThat(line.path("requestId").asText()).isEqualTo(job.requestId());
            assertThat(line.path("message").asText()).contains("Job " + job.id() + " queued");
        });
        String source = world.database.text("SELECT s.name FROM jobs j JOIN sources s ON s.id = j.source_id WHERE j.id = " + job.id());
        List<JsonNode> ofTheJob = lines.stream().filter(l -> l.path("jobId").asText().equals(String.valueOf(job.id()))).toList();
        assertThat(ofTheJob).as("lines of job %d", job.id()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line.path("source").asText()).isEqualTo(source))
                .anySatisfy(line -> assertThat(line.path("message").asText()).contains("Job " + job.id() + " completed"));
    }

    private JobRow job(long id) throws Exception {
        return world.database.jobs().stream().filter(j -> j.id() == id).findFirst().orElseThrow();
    }
}
