package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.deployment.RollingScenario.Restart;
import com.krleads.deployment.SteadyLoad.Sent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rolling-restart table: requests per phase, latencies, writes and jobs; and the jobs a stopping replica gave back. */
final class RollingReport {
    private RollingReport() {
    }

    /** The jobs the stopped process gave back to the queue, from its JSON log (jobId of each such line). */
    static List<Long> givenBack(Restart restart) throws IOException {
        return givenBack(restart.stoppedLog());
    }

    static List<Long> givenBack(Path log) throws IOException {
        List<Long> jobs = new ArrayList<>();
        for (JsonNode line : JsonLogs.read(log)) {
            if (line.path("message").asText().contains("given back to the queue")) {
                jobs.add(line.path("jobId").asLong());
            }
        }
        return jobs;
    }

    static void print(RollingScenario scenario, RollingWorld world) throws Exception {
        System.out.println("rolling restart: requests through HAProxy per phase (failed = 5xx or no answer)");
        System.out.printf("  %-24s %6s %6s %6s %8s %8s %8s  %s%n", "phase", "sent", "failed", "4xx", "p50 ms",
                "p99 ms", "max ms", "statuses / errors");
        SteadyLoad.byPhase(scenario.sent).forEach((phase, sent) -> System.out.printf("  %-24s %6d %6d %6d %8.1f %8.1f %8.1f  %s%n",
                phase, sent.size(), sent.stream().filter(Sent::failed).count(),
                sent.stream().filter(s -> s.status() >= 400 && s.status() < 500).count(),
                percentile(sent, 0.50), percentile(sent, 0.99), percentile(sent, 1.0), outcomes(sent)));
        for (Restart restart : scenario.restarts) {
            System.out.printf("  %s: running at SIGTERM %s, given back %s, exited after %d ms, taken over after %d ms,"
                    + " back in the balancer after %d ms%n", restart.phase(), restart.runningAtStop(), givenBack(restart),
                    restart.stopTook().toMillis(), restart.takenOverAfter().toMillis(), restart.backInBalancer().toMillis());
        }
        RollingScenario.Kill kill = scenario.kill;
        System.out.printf("  %s: running at SIGKILL %s, marked down after %d ms, taken over after %d ms, HAProxy retries %d,"
                + " redispatches %d%n", kill.phase(), kill.runningAtKill(), kill.untilMarkedDown().toMillis(),
                kill.takenOverAfter().toMillis(), kill.retries(), kill.redispatches());
        List<SteadyLoad.Acknowledged> sources = scenario.load.acknowledged("source");
        List<SteadyLoad.Acknowledged> jobs = scenario.load.acknowledged("job");
        System.out.printf("  writes acknowledged: %d sources, %d jobs; sources in the database: %d; jobs at the end: %s%n",
                sources.size(), jobs.size(), world.database.count("SELECT COUNT(*) FROM sources"), scenario.jobsAtEnd);
    }

    private static double percentile(List<Sent> sent, double q) {
        long[] latencies = sent.stream().filter(s -> s.status() > 0).mapToLong(Sent::latencyNanos).sorted().toArray();
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * latencies.length) - 1;
        return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
    }

    private static Map<String, Long> outcomes(List<Sent> sent) {
        Map<String, Long> outcomes = new TreeMap<>();
        sent.forEach(s -> outcomes.merge(s.status() > 0 ? String.valueOf(s.status()) : s.error(), 1L, Long::sum));
        return outcomes;
    }
}
