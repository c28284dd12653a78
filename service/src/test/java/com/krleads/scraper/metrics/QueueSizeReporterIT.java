package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.QUEUE_OLDEST_JOB_AGE;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.Labels;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.core.job.ReportingElection;
import com.krleads.scraper.db.AdvisoryLockElection;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.Replicas;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exactly one process reports queue_size (and queue_oldest_job_age_seconds), and another takes over when it dies. */
class QueueSizeReporterIT {
    private static final AdminScraper HTTP = new AdminScraper();
    /** Well under one scrape interval (15 s in development). */
    private static final long TAKE_OVER_LIMIT_MILLIS = 5_000;
    private final List<QueueSizeReporter> reporters = new ArrayList<>();
    private final List<DropwizardTestSupport<LeadScraperConfiguration>> apps = new ArrayList<>();

    @AfterEach
    void stopAll() {
        reporters.forEach(QueueSizeReporter::stop);
        apps.forEach(DropwizardTestSupport::after);
    }

    @Test
    void onH2TheOneProcessAlwaysReports() {
        QueueSizeReporter reporter = new QueueSizeReporter(ReportingElection.ALWAYS_LEADER);

        assertThat(reporter.reportsNow()).isTrue();
        assertThat(reporter.reportsNow()).isTrue();
    }

    @Test
    void ofTwoReportersOnPostgresExactlyOneReportsAndTheOtherTakesOverWhenItStops() {
        DataSourceFactory database = TestDatabase.POSTGRES.freshFactory();
        QueueSizeReporter first = reporter(database);
        QueueSizeReporter second = reporter(database);

        for (int scrape = 0; scrape < 5; scrape++) {
            assertThat(first.reportsNow()).isTrue();
            assertThat(second.reportsNow()).isFalse();
        }

        first.stop();

        assertThat(takeOverMillis(second)).isLessThan(TAKE_OVER_LIMIT_MILLIS);
        assertThat(first.reportsNow()).isFalse();
    }

    @Test
    void whenTheHoldersConnectionDiesTheOtherReportsAtItsNextScrape() throws SQLException, InterruptedException {
        DataSourceFactory database = TestDatabase.POSTGRES.freshFactory();
        QueueSizeReporter first = reporter(database);
        QueueSizeReporter second = reporter(database);
        assertThat(first.reportsNow()).isTrue();
        assertThat(second.reportsNow()).isFalse();

        // The holder's session ends without the holder knowing, as when its process is killed.
        try (Connection admin = AdvisoryLockElection.unpooled(database).open(); Statement s = admin.createStatement()) {
            String holderPid = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                    + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
            s.execute("SELECT pg_terminate_backend(pid) FROM (" + holderPid + ") holder");
            // pg_terminate_backend only signals the backend; the lock goes when the session has ended.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (rows(s, holderPid) > 0) {
                assertThat(System.nanoTime()).as("the holder's session did not end").isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        assertThat(second.reportsNow()).isTrue();
        assertThat(first.reportsNow()).isFalse();
        assertThat(second.reportsNow()).isTrue();
    }

    /** Two replicas of the real service on one PostgreSQL database, scraped as Prometheus scrapes them. */
    @Test
    void twoReplicasSumToTheTrueBacklog() {
        DataSourceFactory database = TestDatabase.POSTGRES.freshFactory();
        int backlog = 7;
        Jdbi jdbi = migrated(database);
        long sourceId = Fixtures.insertSource(jdbi, "incheon-cafes");
        JobQueue queue = new JobQueue(jdbi, Clock.systemUTC(), 3, Duration.ofSeconds(1));
        for (int i = 0; i < backlog; i++) {
            queue.enqueue(sourceId, JobQueue.SCRAPING);
        }
        DropwizardTestSupport<LeadScraperConfiguration> first = replica(database);
        DropwizardTestSupport<LeadScraperConfiguration> second = replica(database);

        List<ParsedScrape.Series> fromFirst = queueSize(first);
        List<ParsedScrape.Series> fromSecond = queueSize(second);
        double sum = total(fromFirst) + total(fromSecond);
        System.out.printf("Two replicas, %d queued: queue_size series %d + %d, sum(queue_size) by (queue_name) = %.0f%n",
                backlog, fromFirst.size(), fromSecond.size(), sum);
        assertThat(sum).isEqualTo(backlog);
        assertThat(fromFirst.size() + fromSecond.size()).isEqualTo(1);
        // The oldest waiting job's age is the same shared backlog: reported by the same one replica.
        List<ParsedScrape.Series> ageFromFirst = oldestAge(first);
        List<ParsedScrape.Series> ageFromSecond = oldestAge(second);
        assertThat(ageFromFirst).hasSameSizeAs(fromFirst);
        assertThat(ageFromSecond).hasSameSizeAs(fromSecond);
        assertThat(total(ageFromFirst) + total(ageFromSecond)).isPositive();

        DropwizardTestSupport<LeadScraperConfiguration> holder = fromFirst.isEmpty() ? second : first;
        DropwizardTestSupport<LeadScraperConfiguration> other = holder == first ? second : first;
        holder.after();
        apps.remove(holder);
        long stopped = System.nanoTime();
        List<ParsedScrape.Series> afterHandover = queueSize(other);
        while (afterHandover.isEmpty() && System.nanoTime() - stopped < TAKE_OVER_LIMIT_MILLIS * 1_000_000L) {
            afterHandover = queueSize(other);
        }
        System.out.printf("Holder stopped: the other replica reports after %d ms: %d series, sum = %.0f%n",
                (System.nanoTime() - stopped) / 1_000_000, afterHandover.size(), total(afterHandover));
        assertThat(afterHandover).singleElement().satisfies(series -> {
            assertThat(series.labels()).containsEntry(Labels.QUEUE_NAME, JobQueue.SCRAPING);
            assertThat(series.value()).isEqualTo(backlog);
        });
    }

    /**
     * Closing a connection ends its session on the server a moment later, so a scrape right
     * after may still find the lock taken; the next one (15 s or 30 s later in production) does not.
     */
    private static long takeOverMillis(QueueSizeReporter reporter) {
        long start = System.nanoTime();
        while (!reporter.reportsNow()) {
            if (System.nanoTime() - start > TAKE_OVER_LIMIT_MILLIS * 1_000_000L) {
                break;
            }
            LockSupport.parkNanos(10_000_000L);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("The other reporter took over after %d ms%n", millis);
        return millis;
    }

    private static int rows(Statement statement, String query) throws SQLException {
        try (var result = statement.executeQuery(query)) {
            int rows = 0;
            while (result.next()) {
                rows++;
            }
            return rows;
        }
    }

    private QueueSizeReporter reporter(DataSourceFactory database) {
        QueueSizeReporter reporter = new QueueSizeReporter(AdvisoryLockElection.forDatabase(database));
        reporters.add(reporter);
        return reporter;
    }

    private DropwizardTestSupport<LeadScraperConfiguration> replica(DataSourceFactory database) {
        DropwizardTestSupport<LeadScraperConfiguration> app = Replicas.start("replica" + (apps.size() + 1), database);
        apps.add(app);
        return app;
    }

    private static Jdbi migrated(DataSourceFactory database) {
        return Replicas.migrated(database);
    }

    private static List<ParsedScrape.Series> queueSize(DropwizardTestSupport<LeadScraperConfiguration> app) {
        return HTTP.scrape(app.getAdminPort()).named(QUEUE_SIZE.name());
    }

    private static List<ParsedScrape.Series> oldestAge(DropwizardTestSupport<LeadScraperConfiguration> app) {
        return HTTP.scrape(app.getAdminPort()).named(QUEUE_OLDEST_JOB_AGE.name());
    }

    private static double total(List<ParsedScrape.Series> series) {
        return series.stream().mapToDouble(ParsedScrape.Series::value).sum();
    }
}
