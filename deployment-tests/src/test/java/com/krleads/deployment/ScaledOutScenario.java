package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.deployment.SharedDatabase.JobRow;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.testing.Await;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The workload of {@link ScaledOutIT}, in order, with what really happened written down as it
 * happens: requests per status (counted by the clients), jobs and leads (read from the database),
 * the moments the queries are asked about, and when the target-down alert fired and resolved.
 */
final class ScaledOutScenario {
    static final int JOBS = 8;
    static final int BACKLOG = 5;
    static final int BUSY = 2 * ScaledOutWorld.WORKER_THREADS;
    /** Steady API traffic while the backlog is held, so that every rate panel has something to show. */
    static final Duration STEADY_PAUSE = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sources' delay between pages: production's minimum (LIMIT_MIN_DELAY's default). */
    static final Duration POLITENESS = Duration.ofSeconds(1);
    /** One source per job (a source has at most one active job): warm-up, the M jobs, the held ones. */
    static final int SOURCES = BUSY + JOBS + BUSY + BACKLOG;

    private final ScaledOutWorld world;
    private final List<Long> sources = new ArrayList<>();
    private int nextSource;

    // What happened: read by the assertions.
    Instant windowStart;
    /** After the M jobs, before the held ones: every per-source series of the window exists from here on. */
    Instant jobsDone;
    Instant backlogMoment;
    Instant windowEnd;
    Instant killedAt;
    Instant afterTakeover;
    Instant end;
    Map<Integer, Long> requestsInWindow;
    Map<String, Long> jobsAtBacklog;
    List<JobRow> jobsOfTheWindow;
    long startPageFetchesInWindow;
    Map<String, Long> startPageFetchesBySource;
    long leadsAfterJobs;
    long newLeadsOverAllJobs;
    List<JobRow> jobsOfKilledReplica;
    List<JobRow> jobsAtEnd;
    String targetDownAlert;
    Instant alertFiredAt;
    Instant alertResolvedAt;

    ScaledOutScenario(ScaledOutWorld world) {
        this.world = world;
    }

    void run() throws Exception {
        warmUp();
        Map<Integer, Long> before = answeredByStatus();
        windowStart = wholeSecond();
        quietForTwoScrapes();
        runJobs();
        holdBacklog();
        requestsInWindow = minus(answeredByStatus(), before);
        killReplicaMidJob();
        world.awaitRemoteWriteUpTo(end);
    }

    /**
     * Before the counted window: every source, every request kind on both replicas and one held job
     * per worker thread (so each replica claims two), so that the request and queue series the window
     * counts exist before it starts: a series born inside a range loses its first increment to increase().
     */
    private void warmUp() throws Exception {
        for (int i = 0; i < SOURCES; i++) {
            sources.add(createSource(world.replicas().get(i % 2).api(), i));
        }
        for (ServiceReplica replica : world.replicas()) {
            sendOneOfEachKind(replica.api());
        }
        world.site.holdPages();
        postJobs(BUSY);
        awaitJobs("every worker busy", Map.of("running", (long) BUSY));
        world.site.releasePages();
        awaitJobs("warm-up jobs done", Map.of("completed", (long) BUSY));
        world.neighbour.imitate(world.replicaA.admin().get("/metrics").body());
        quietForTwoScrapes();
    }

    /** Lets every target be scraped twice with nothing happening: a counted window starts and ends so. */
    private static void quietForTwoScrapes() throws InterruptedException {
        sleep(ScaledOutWorld.SCRAPE_INTERVAL.multipliedBy(2).plusMillis(500));
    }

    /** M jobs over the two replicas with a fast site: each must run once, and store nothing twice. */
    private void runJobs() throws Exception {
        int first = nextSource;
        List<Long> ids = postJobs(JOBS);
        awaitJobs("the " + JOBS + " jobs done", Map.of("completed", (long) BUSY + JOBS));
        jobsOfTheWindow = world.database.jobs().stream().filter(j -> ids.contains(j.id())).toList();
        startPageFetchesBySource = new TreeMap<>();
        for (int i = first; i < first + JOBS; i++) {
            String query = startQuery(i);
            startPageFetchesBySource.put(query, world.site.requests().stream()
                    .filter(r -> r.pathAndQuery().equals(FixtureSite.START_PATH + query)).count());
        }
        leadsAfterJobs = world.database.count("SELECT COUNT(*) FROM leads");
        newLeadsOverAllJobs = world.database.count("SELECT SUM(new_leads) FROM jobs");
        quietForTwoScrapes();
        jobsDone = wholeSecond();
    }

    /**
     * Steady API traffic first, for longer than a {@code $__rate_interval} and the sample before it
     * (which MetricsQL reads); then a slow site holds every worker while K more jobs wait. The
     * moment asked about comes two scrapes after that, before the site lets any held page go
     * ({@link FixtureSite#MAX_HOLD_MILLIS}): no counter series is born in the windows that end there.
     */
    private void holdBacklog() throws Exception {
        AtomicBoolean steady = new AtomicBoolean(true);
        Thread load = new Thread(() -> steadyTraffic(steady), "steady-traffic");
        load.start();
        sleep(ScaledOutWorld.SCRAPE_INTERVAL.multipliedBy(5));
        world.site.holdPages();
        postJobs(BUSY + BACKLOG);
        Map<String, Long> held = Map.of("completed", (long) BUSY + JOBS, "running", (long) BUSY,
                "queued", (long) BACKLOG);
        awaitJobs("every worker held and " + BACKLOG + " jobs queued", held);
        sleep(ScaledOutWorld.SCRAPE_INTERVAL.multipliedBy(2).plusMillis(1500));
        backlogMoment = wholeSecond();
        jobsAtBacklog = world.database.jobsByStatus();
        steady.set(false);
        load.join();
        quietForTwoScrapes();
        windowEnd = wholeSecond();
    }

    /**
     * SIGKILL replica A while its workers are in the middle of held jobs, then let the site answer:
     * B takes A's jobs over once their lease has expired. A comes back after the target-down alert fired.
     */
    private void killReplicaMidJob() throws Exception {
        String ownerPrefix = world.replicaA.pid() + "@";
        jobsOfKilledReplica = world.database.jobs().stream()
                .filter(j -> j.leaseOwner() != null && j.leaseOwner().startsWith(ownerPrefix)).toList();
        killedAt = Instant.now();
        world.replicaA.kill();
        world.site.releasePages();
        long all = (long) BUSY + JOBS + BUSY + BACKLOG;
        awaitJobs("every job done after the takeover", Map.of("completed", all));
        quietForTwoScrapes();
        afterTakeover = wholeSecond();
        Await.until("a target-down alert firing", Duration.ofSeconds(60),
                () -> firingTargetDownAlert() != null, world.scraper.process());
        targetDownAlert = firingTargetDownAlert();
        alertFiredAt = wholeSecond();
        world.replicaA.launch();
        world.replicaA.awaitHealthy();
        Await.until("the target-down alert resolved", Duration.ofSeconds(60),
                () -> firingTargetDownAlert() == null, world.scraper.process());
        alertResolvedAt = wholeSecond();
        jobsAtEnd = world.database.jobs();
        quietForTwoScrapes();
        end = wholeSecond();
    }

    /** The name of a firing alert about replicas that cannot be scraped, or null. */
    String firingTargetDownAlert() throws Exception {
        for (JsonNode alert : world.scraper.api().alerts().at("/data/alerts")) {
            String name = alert.at("/labels/alertname").asText();
            if ("firing".equals(alert.path("state").asText()) && name.contains("TargetDown")) {
                return name;
            }
        }
        return null;
    }

    private void steadyTraffic(AtomicBoolean running) {
        int n = 0;
        try {
            while (running.get()) {
                ServiceApi api = world.replicas().get(n % 2).api();
                switch (n % 20) {
                    case 3 -> api.get("/api/jobs/987654");
                    case 7 -> api.post("/api/sources", "{\"name\": ");
                    case 13 -> api.post("/api/sources", invalidSource());
                    default -> api.get("/api/sources");
                }
                n++;
                Thread.sleep(STEADY_PAUSE.toMillis());
            }
        } catch (Exception e) {
            throw new IllegalStateException("steady traffic stopped", e);
        }
    }

    /** Source {@code i}: the fixture directory, its start URL made distinct by a query the site ignores. */
    private long createSource(ServiceApi api, int i) throws Exception {
        String body = JSON.writeValueAsString(Map.of("name", "directory-" + i,
                "startUrl", world.site.startUrl() + startQuery(i),
                "selectors", FixtureSite.selectors(), "maxPages", 5, "delayMillis", POLITENESS.toMillis()));
        ServiceApi.Answer created = api.post("/api/sources", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private static String startQuery(int source) {
        return "?source=" + source;
    }

    private void sendOneOfEachKind(ServiceApi api) throws Exception {
        assertThat(api.get("/api/sources").status()).isEqualTo(200);
        assertThat(api.get("/api/jobs/987654").status()).isEqualTo(404);
        assertThat(api.post("/api/sources", "{\"name\": ").status()).isEqualTo(400);
        assertThat(api.post("/api/sources", invalidSource()).status()).isEqualTo(422);
    }

    private String invalidSource() throws Exception {
        return JSON.writeValueAsString(Map.of("name", "bad", "startUrl", "ftp://127.0.0.1/",
                "selectors", FixtureSite.selectors()));
    }

    /** Posts one job for each of the next {@code count} sources, alternating between the replicas. */
    private List<Long> postJobs(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long source = sources.get(nextSource++);
            ServiceApi.Answer posted = world.replicas().get(i % 2).api().post("/api/jobs", "{\"sourceId\": " + source + "}");
            assertThat(posted.status()).as(posted.body()).isEqualTo(202);
            ids.add(posted.json().path("id").asLong());
        }
        return ids;
    }

    private void awaitJobs(String what, Map<String, Long> wanted) throws Exception {
        Await.until(what + " " + wanted, Duration.ofSeconds(90),
                () -> world.database.jobsByStatus().equals(new TreeMap<>(wanted)),
                world.replicaB.process(), world.scraper.process());
    }

    private Map<Integer, Long> answeredByStatus() {
        Map<Integer, Long> total = new TreeMap<>();
        for (ServiceReplica replica : world.replicas()) {
            replica.api().answeredByStatus().forEach((status, n) -> total.merge(status, n, Long::sum));
        }
        return total;
    }

    private static Map<Integer, Long> minus(Map<Integer, Long> after, Map<Integer, Long> before) {
        Map<Integer, Long> delta = new TreeMap<>();
        after.forEach((status, n) -> {
            long d = n - before.getOrDefault(status, 0L);
            if (d != 0) {
                delta.put(status, d);
            }
        });
        return delta;
    }

    /**
     * Now, cut to the second: the moments the queries are asked about, so that every engine evaluates
     * at the same instant whatever precision it reads an instant query's {@code time} with.
     */
    private static Instant wholeSecond() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
