package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.deployment.DashboardQueries.GrafanaVariables;
import com.krleads.deployment.DashboardQueries.PanelQuery;
import com.krleads.deployment.GeneratedRules.Rule;
import com.krleads.deployment.SharedDatabase.JobRow;
import com.krleads.testing.RequiredTools;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two replicas of the packaged jar on one PostgreSQL, a neighbour job on the same Prometheus, and
 * remote_write to VictoriaMetrics and to a remote-write receiver: a workload of known size, then
 * every figure the dashboards and rules give, on each of the three query endpoints, against the truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaledOutIT {
    private static final String JOB = "job=\"" + GrafanaVariables.JOB + "\"";

    private ScaledOutWorld world;
    private ScaledOutScenario scenario;
    private final Map<String, Map<String, String>> truthTable = new LinkedHashMap<>();
    private long startedNanos;

    @BeforeAll
    void buildTheWorldAndRunTheWorkload() throws Exception {
        RequiredTools.require("prometheus", "prometheus");
        RequiredTools.require("victoria-metrics", "victoria-metrics");
        startedNanos = System.nanoTime();
        world = ScaledOutWorld.start();
        scenario = new ScaledOutScenario(world);
        scenario.run();
    }

    @AfterAll
    void stop() throws Exception {
        if (world != null) {
            world.close();
        }
        System.out.printf("scaled-out: truth versus the three query endpoints%n");
        truthTable.forEach((row, cells) -> System.out.printf("  %-60s %s%n", row, cells));
        System.out.printf("scaled-out: wall time %d s%n", Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
    }

    @Test
    void requestCountsPerStatusMatchWhatTheClientsSent() throws Exception {
        String range = rangeMillis(scenario.windowStart, scenario.windowEnd);
        for (Map.Entry<String, PrometheusApi> endpoint : world.queryEndpoints().entrySet()) {
            QueryResult counted = query(endpoint.getValue(),
                    "sum by (status) (increase(http_requests_total{" + JOB + "}[" + range + "]))", scenario.windowEnd);
            for (Map.Entry<Integer, Long> truth : scenario.requestsInWindow.entrySet()) {
                double panel = counted.series().getOrDefault("{status=" + truth.getKey() + "}", 0.0);
                record("requests " + truth.getKey() + " (truth " + truth.getValue() + ")", endpoint.getKey(), panel);
            }
        }
    }

    @Test
    void theBacklogIsCountedOnce() throws Exception {
        for (Map.Entry<String, PrometheusApi> endpoint : world.queryEndpoints().entrySet()) {
            QueryResult backlog = query(endpoint.getValue(),
                    "sum(queue_size{" + JOB + "}) by (queue_name)", scenario.backlogMoment);
            record("backlog (truth " + ScaledOutScenario.BACKLOG + ")", endpoint.getKey(), backlog.single());
            QueryResult workers = query(endpoint.getValue(), "sum(workers_active{" + JOB + "})", scenario.backlogMoment);
            record("workers_active (truth " + ScaledOutScenario.BUSY + ")", endpoint.getKey(), workers.single());
            QueryResult active = query(endpoint.getValue(), "sum(scraping_jobs_active{" + JOB + "})", scenario.backlogMoment);
            record("scraping_jobs_active (truth " + ScaledOutScenario.BUSY + ")", endpoint.getKey(), active.single());
        }
        assertThat(scenario.jobsAtBacklog).containsEntry("queued", (long) ScaledOutScenario.BACKLOG)
                .containsEntry("running", (long) ScaledOutScenario.BUSY);
    }

    @Test
    void everyJobRanOnceAndEveryLeadIsStoredOnce() {
        assertThat(scenario.jobsOfTheWindow).hasSize(ScaledOutScenario.JOBS)
                .allSatisfy(job -> {
                    assertThat(job.status()).isEqualTo("completed");
                    assertThat(job.attempts()).isEqualTo(1);
                });
        assertThat(scenario.startPageFetchesInWindow).isEqualTo(ScaledOutScenario.JOBS);
        assertThat(scenario.leadsAfterJobs).isEqualTo(10).isEqualTo(scenario.distinctLeadNames);
    }

    @Test
    void theKilledReplicasJobsAreTakenOverAndTheGaugesEndAtZero() throws Exception {
        assertThat(scenario.jobsOfKilledReplica).hasSize(ScaledOutWorld.WORKER_THREADS);
        for (JobRow killed : scenario.jobsOfKilledReplica) {
            JobRow after = scenario.jobsAtEnd.stream().filter(j -> j.id() == killed.id()).findFirst().orElseThrow();
            assertThat(after.status()).isEqualTo("completed");
            assertThat(after.attempts()).isEqualTo(2);
            assertThat(after.errorMessage()).contains("lease expired");
        }
        assertThat(scenario.targetDownAlert).isNotNull();
        assertThat(scenario.alertResolvedAt).isAfter(scenario.alertFiredAt);
        for (Map.Entry<String, PrometheusApi> endpoint : world.queryEndpoints().entrySet()) {
            for (String gauge : List.of("scraping_jobs_active", "workers_active", "queue_size")) {
                QueryResult sum = query(endpoint.getValue(), "sum(" + gauge + "{" + JOB + "})", scenario.end);
                record(gauge + " at the end (truth 0)", endpoint.getKey(), sum.single());
            }
        }
    }

    @Test
    void everyPanelAndRuleAgreesOnTheThreeEndpoints() throws Exception {
        Duration range = Duration.between(scenario.windowStart, scenario.backlogMoment);
        GrafanaVariables time = GrafanaVariables.forScrapeInterval(ScaledOutWorld.SCRAPE_INTERVAL, range);
        Map<String, String> expressions = new LinkedHashMap<>();
        for (PanelQuery panel : DashboardQueries.read(ProjectFiles.path("dashboards-as-code/target/grafana/dashboards"))) {
            expressions.put("panel " + panel.id(), panel.expr(time));
        }
        for (Rule rule : GeneratedRules.recordingRules()) {
            expressions.put("rule " + rule.name(), rule.expr());
        }
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            Map<String, QueryResult> answers = new TreeMap<>();
            for (Map.Entry<String, PrometheusApi> endpoint : world.queryEndpoints().entrySet()) {
                answers.put(endpoint.getKey(), QueryResult.of(endpoint.getValue().queryAt(e.getValue(), scenario.backlogMoment)));
            }
            report.add(e.getKey() + " :: " + e.getValue() + "\n    " + answers);
        }
        report.forEach(System.out::println);
    }

    private static QueryResult query(PrometheusApi api, String expr, Instant at) throws Exception {
        QueryResult result = QueryResult.of(api.queryAt(expr, at));
        assertThat(result.ok()).as("%s on %s: %s", expr, api.baseUrl(), result.error()).isTrue();
        return result;
    }

    private void record(String row, String endpoint, double value) {
        truthTable.computeIfAbsent(row, r -> new TreeMap<>()).put(endpoint, String.format("%.3f", value));
    }

    private static String rangeMillis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() + "ms";
    }
}
