package com.krleads.benchmarks;

import com.krleads.scraper.config.EnrichmentConfig;
import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.config.VerificationConfig;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobControl;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.lead.LeadKeys;
import com.krleads.scraper.core.net.LocalHostPacer;
import com.krleads.scraper.core.scrape.ScrapeJobRunner;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.db.DatabaseMigrations;
import com.krleads.scraper.db.JdbiLeadStore;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.util.DataSize;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.LoggerFactory;

/**
 * A repeatable load run of the whole scraping pipeline (not JMH: one run is one job of several
 * seconds): a job fetches one listing page of 10,000 distinct businesses from a loopback server,
 * parses, extracts, deduplicates and stores them, verification and enrichment off. The database
 * already holds 10,000 or 100,000 leads, all in the block and region of the page's businesses,
 * the worst case of the near-duplicate search. Runs on H2 and on an embedded PostgreSQL and
 * prints items/s, the ratio of the cost per item at 100,000 and 10,000 stored, and the job's heap peak.
 *
 * <p>Run: {@code make benchmark}, or {@code java -cp benchmarks/target/benchmarks.jar
 * com.krleads.benchmarks.PipelineLoadRun [listings] [rounds] [H2,PostgreSQL] [10000,100000]}.
 */
public final class PipelineLoadRun {
    private static final String BLOCK = "한빛";
    private static final String REGION = "서울 강남구";
    private static final String[] SYLLABLES = "가나다라마바사아자차카타파하누리솔미래동서남북강산해달별꽃숲들샘길".split("");
    private static final Selectors SELECTORS = new Selectors("div.biz", "h2", ".phone", ".email", ".web", ".addr",
            null, null);

    private PipelineLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        // Without a configuration file logback logs at DEBUG, the HTTP client's wire included: it would be the load.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int listings = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<String> databases = List.of(args.length > 2 ? args[2].split(",") : new String[] {"H2", "PostgreSQL"});
        int[] stored = java.util.Arrays.stream((args.length > 3 ? args[3] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        byte[] page = page(listings);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals("/list") ? page : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/list";
        System.out.printf(Locale.ROOT, "Pipeline load run: one page of %,d listings (%,d bytes), best of %d rounds%n",
                listings, page.length, rounds);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start()) {
            // Warm-up jobs, not counted: otherwise the first measured job also pays for the JIT.
            for (int i = 0; i < 2; i++) {
                runOnce(h2("warmup" + i), 0, url, listings);
            }
            List<String> lines = new ArrayList<>();
            for (String db : databases) {
                double[] rates = new double[stored.length];
                for (int s = 0; s < stored.length; s++) {
                    Result best = null;
                    for (int round = 0; round < rounds; round++) {
                        DataSource dataSource = db.equals("H2") ? h2("bench" + s + "_" + round)
                                : postgres(postgres, "bench" + s + "_" + round);
                        Result result = runOnce(dataSource, stored[s], url, listings);
                        if (best == null || result.itemsPerSecond() > best.itemsPerSecond()) {
                            best = result;
                        }
                    }
                    rates[s] = best.itemsPerSecond();
                    lines.add(String.format(Locale.ROOT,
                            "%-10s %,8d stored  %,8.0f items/s  heap peak %,6.1f MB, live after GC %,5.1f MB (%.1fx the page),"
                                    + " kept after the job %,5.1f MB  %s",
                            db, stored[s], best.itemsPerSecond(), best.heapPeakBytes() / 1e6,
                            best.liveHeapPeakBytes() / 1e6, (double) best.liveHeapPeakBytes() / page.length,
                            best.retainedBytes() / 1e6, best.counts()));
                    System.out.println(lines.get(lines.size() - 1));
                }
                if (stored.length == 2) {
                    lines.add(String.format(Locale.ROOT, "%-10s cost per item at %,d / at %,d stored: %.2f",
                            db, stored[1], stored[0], rates[0] / rates[1]));
                    System.out.println(lines.get(lines.size() - 1));
                }
            }
            System.out.println("page size " + page.length + " bytes; heap peak = sum of the heap pools' peaks during "
                    + "the job, after a GC before it (an upper bound: it counts garbage not yet collected); live after "
                    + "GC = the most the heap held right after a collection during the job, less what it held before "
                    + "(on H2 it includes the in-memory database's new rows, which are what is kept after the job)");
        } finally {
            server.stop(0);
        }
    }

    private static Result runOnce(DataSource dataSource, int stored, String url, int listings) throws Exception {
        DatabaseMigrations.migrate(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        long sourceId = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO sources (name, start_url, sel_item, max_pages, delay_millis, enabled, created_at, updated_at)
                VALUES ('bench', :url, 'div.biz', 1, 0, TRUE, :now, :now)""")
                .bind("url", url).bind("now", Instant.now()).executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
        preload(jdbi, sourceId, stored);
        ScraperConfig scraper = new ScraperConfig();
        scraper.allowPrivateAddresses = true;
        scraper.maxBodySize = DataSize.megabytes(50);
        ScrapeJobRunner runner = ScrapeJobRunner.create(scraper, new EnrichmentConfig(), new VerificationConfig(),
                new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85), PipelineEvents.NONE, new LocalHostPacer(Clock.systemUTC()));
        Source source = new Source(sourceId, "bench", url, SELECTORS, 1, 0, true, Instant.EPOCH, Instant.EPOCH);
        Job job = new Job(1, sourceId, "default", JobStatus.RUNNING, 1, JobCounts.NONE, null, null, null,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, null);
        System.gc();
        long baseline = LiveHeap.used();
        LiveHeap.resetPoolPeaks();
        long started = System.nanoTime();
        JobCounts counts;
        long live;
        try (LiveHeap watch = LiveHeap.watch()) {
            counts = runner.run(job, source, new NoControl());
            live = watch.peakAfterGc() - baseline;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = LiveHeap.poolPeaks() - baseline;
        System.gc();
        long retained = LiveHeap.used() - baseline;
        if (counts.newLeads() + counts.updatedLeads() != listings) {
            throw new IllegalStateException("the job stored " + counts + " of " + listings + " listings");
        }
        return new Result(listings / seconds, peak, live, retained, counts);
    }

    /** Stored leads in the page's block and region, with phones the page does not use. */
    private static void preload(Jdbi jdbi, long sourceId, int count) {
        Random random = new Random(7);
        Instant now = Instant.now();
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO leads (company_name, phone, address, source_id, name_key, block_key, region_key,
                                       area_code, first_seen, last_seen)
                    VALUES (:name, :phone, :address, :sourceId, :nameKey, :blockKey, :regionKey, :areaCode, :now, :now)
                    """);
            for (int i = 0; i < count; i++) {
                String name = name(random);
                String phone = "+8227" + String.format(Locale.ROOT, "%07d", i);
                String address = REGION + " 테헤란로 " + (1 + random.nextInt(500));
                LeadKeys keys = LeadKeys.of(name, phone, null, null, address);
                batch.bind("name", name).bind("phone", phone).bind("address", address).bind("sourceId", sourceId)
                        .bind("nameKey", keys.nameKey()).bind("blockKey", keys.blockKey())
                        .bind("regionKey", keys.regionKey()).bind("areaCode", keys.areaCode()).bind("now", now).add();
                if (batch.size() == 5_000) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
            h.execute("ANALYZE");
        });
    }

    /** Distinct businesses, every one in the one block and region; a fifth has an e-mail, a fifth a website. */
    private static byte[] page(int listings) {
        Random random = new Random(11);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"></head><body>\n");
        for (int i = 0; i < listings; i++) {
            html.append("<div class=\"biz\"><h2>").append(name(random)).append(" ").append(i).append("호점</h2>")
                    .append("<span class=\"phone\">02-3").append(String.format(Locale.ROOT, "%03d-%04d", i / 10_000, i % 10_000))
                    .append("</span>");
            if (i % 5 == 1) {
                html.append("<a class=\"email\">shop").append(i).append("@example.kr</a>");
            }
            if (i % 5 == 2) {
                html.append("<a class=\"web\">https://shop").append(i).append(".example.kr/</a>");
            }
            html.append("<span class=\"addr\">").append(REGION).append(" 테헤란로 ").append(1 + random.nextInt(500))
                    .append("</span></div>\n");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder(BLOCK);
        int length = 2 + random.nextInt(4);
        for (int i = 0; i < length; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return name.toString();
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static DataSource postgres(EmbeddedPostgres server, String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.getDatabase("postgres", name);
    }

    private record Result(double itemsPerSecond, long heapPeakBytes, long liveHeapPeakBytes, long retainedBytes,
                          JobCounts counts) {
    }

    private static final class NoControl implements JobControl {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void pageDone(JobCounts soFar) {
        }
    }
}
