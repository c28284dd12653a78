package com.krleads.scraper.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.db.LeadDao;
import com.krleads.scraper.db.QueuePool;
import com.krleads.scraper.metrics.AdminScraper;
import com.krleads.scraper.metrics.ParsedScrape;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 64 clients search 100,000 leads as fast as they can while a job runs, on PostgreSQL, with a
 * small main pool (8) and a short lease (2 s): the lease is renewed all along (a watcher reading
 * the database never sees it lapse) and the job runs once. The site holds its pages until the
 * searches have gone on for three leases, so the job is running the whole time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadsDoNotStarveQueueIT {
    private static final String POOL_METERS = "io_dropwizard_db_managed_pooled_data_source_";

    private static final int LEADS = 100_000;
    private static final int CLIENTS = 64;
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration SEARCHING = LEASE.multipliedBy(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FixtureSite site;
    private DropwizardTestSupport<LeadScraperConfiguration> app;
    private Jdbi jdbi;

    @BeforeAll
    void start() throws Exception {
        site = FixtureSite.start();
        List<ConfigOverride> overrides = new ArrayList<>(List.of(TestDatabase.POSTGRES.appOverrides()));
        overrides.add(ConfigOverride.config("database.maxSize", "8"));
        overrides.add(ConfigOverride.config("worker.threads", "2"));
        overrides.add(ConfigOverride.config("worker.leaseDuration", LEASE.toMillis() + "ms"));
        overrides.add(ConfigOverride.config("worker.queuePoolSize", "4"));
        overrides.add(ConfigOverride.config("limits.readsPerKey", "100000"));
        // The site holds its pages longer than the searches run; the fetch must outwait it.
        overrides.add(ConfigOverride.config("scraper.readTimeout", "30s"));
        app = new DropwizardTestSupport<>(LeadScraperApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides.toArray(ConfigOverride[]::new));
        app.before();
        LeadScraperConfiguration config = app.getConfiguration();
        jdbi = Jdbi.create(config.database.getUrl(), config.database.getUser(), config.database.getPassword());
        // One statement: the text varies so that trigram searches hit few rows, like real names.
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO leads (company_name, phone, email, address, first_seen, last_seen)
                SELECT 'Company ' || md5(n::text), '+8210' || lpad(n::text, 8, '0'), 'info' || n || '@example.kr',
                       'Seoul ' || md5((n * 7)::text), now(), now()
                FROM generate_series(1, ?) AS n
                """, LEADS));
        jdbi.useHandle(h -> h.execute("ANALYZE leads"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.after();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void searchesRunOnTheTrigramIndex() {
        String plan = jdbi.withHandle(h -> h.createQuery("EXPLAIN " + LeadDao.COUNT)
                .bind("pattern", "%c0ffee%").bind("sourceId", -1L).mapTo(String.class).list())
                .stream().collect(Collectors.joining("\n"));
        assertThat(plan).contains("idx_leads_search_trgm");
    }

    @Test
    void theLeaseNeverLapsesAndTheJobRunsOnce() throws Exception {
        site.holdPages();
        long sourceId = createSource();
        long jobId = createJob(sourceId);
        awaitStatus(jobId, "running");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger lapses = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> running = new ArrayList<>();
        running.add(clients.submit(() -> watchLease(jobId, stop, lapses)));
        for (int i = 0; i < CLIENTS; i++) {
            running.add(clients.submit(() -> search(stop, statuses)));
        }
        Thread.sleep(SEARCHING.toMillis());
        site.releasePages();
        awaitStatus(jobId, "completed");
        stop.set(true);
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        assertThat(lapses).as("moments the running job's lease had run out").hasValue(0);
        Map<String, Object> job = jdbi.withHandle(h -> h.createQuery(
                "SELECT status, attempts, error_message FROM jobs WHERE id = :id").bind("id", jobId).mapToMap().one());
        assertThat(job.get("status")).isEqualTo("completed");
        assertThat(job.get("attempts")).isEqualTo(1);
        assertThat(job.get("error_message")).isNull();
        assertThat(statuses.keySet()).as("search answers").contains(200);
        assertThat(statuses.get(200).get()).isGreaterThan(CLIENTS);
        System.out.printf(Locale.ROOT, "ReadsDoNotStarveQueueIT: search answers by status %s%n", statuses);
    }

    @Test
    void theQueuePoolIsExportedLikeTheMainPool() {
        ParsedScrape scrape = new AdminScraper().scrape(app.getAdminPort());
        Set<String> names = scrape.series.stream().map(ParsedScrape.Series::name).collect(Collectors.toSet());
        String queue = QueuePool.NAME.replace('-', '_');
        // The pool's own meters; the health checks' series (health_database_*) name the check, not a pool.
        Set<String> mainPool = names.stream()
                .filter(n -> n.startsWith(POOL_METERS) && n.contains("_database_") && !n.contains(queue))
                .collect(Collectors.toSet());
        assertThat(mainPool).isNotEmpty();
        assertThat(names).containsAll(mainPool.stream().map(n -> n.replace("_database_", "_" + queue + "_")).toList());
    }

    /** Reads the lease as the database sees it, on a connection of its own. */
    private Void watchLease(long jobId, AtomicBoolean stop, AtomicInteger lapses) throws InterruptedException {
        try (Handle h = jdbi.open()) {
            while (!stop.get()) {
                boolean lapsed = h.createQuery("""
                        SELECT COUNT(*) FROM jobs WHERE id = :id AND status = 'running' AND lease_until < now()
                        """).bind("id", jobId).mapTo(Long.class).one() > 0;
                if (lapsed) {
                    lapses.incrementAndGet();
                }
                Thread.sleep(50);
            }
        }
        return null;
    }

    private void search(AtomicBoolean stop, Map<Integer, AtomicInteger> statuses) {
        while (!stop.get()) {
            String q = Stream.generate(() -> "0123456789abcdef".charAt(ThreadLocalRandom.current().nextInt(16)))
                    .limit(3).map(String::valueOf).collect(Collectors.joining());
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.getLocalPort() + "/api/leads?size=50&q=" + q))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            } catch (Exception e) {
                statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private long createSource() throws Exception {
        String body = """
                {"name": "starve", "startUrl": "%s",
                 "selectors": {"item": ".listing", "name": ".name", "phone": ".tel", "nextPage": "a.next"},
                 "maxPages": 3, "delayMillis": 0}
                """.formatted(site.startUrl());
        HttpResponse<String> response = post("/api/sources", body);
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private long createJob(long sourceId) throws Exception {
        HttpResponse<String> response = post("/api/jobs", "{\"sourceId\": " + sourceId + "}");
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitStatus(long jobId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String now = jdbi.withHandle(h -> h.createQuery("SELECT status FROM jobs WHERE id = :id")
                    .bind("id", jobId).mapTo(String.class).one());
            if (status.equals(now)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " never became " + status);
    }
}
