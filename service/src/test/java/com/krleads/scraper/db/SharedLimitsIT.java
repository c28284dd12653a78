package com.krleads.scraper.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.krleads.scraper.core.limit.TokenBucket;
import com.krleads.scraper.core.net.HostPacer;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.db.DataSourceFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two replicas (two pools, two sets of objects) on one database: the job allowance of a key,
 * the politeness delay of a host and the leases hold across both.
 */
class SharedLimitsIT {
    private static final int CALLS = 16;
    private final ExecutorService threads = Executors.newFixedThreadPool(CALLS);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKeysJobAllowanceHoldsAcrossReplicas(TestDatabase db) throws Exception {
        Jdbi[] replicas = twoReplicas(db);
        TokenBucket bucket = new TokenBucket(5, Duration.ofHours(1));
        SharedKeyAllowance a = new SharedKeyAllowance(replicas[0], bucket);
        SharedKeyAllowance b = new SharedKeyAllowance(replicas[1], bucket);

        List<Optional<Duration>> answers = all(i -> (i % 2 == 0 ? a : b).tryTake("operator:one"));

        assertThat(answers.stream().filter(Optional::isEmpty)).hasSize(5);
        assertThat(answers.stream().filter(Optional::isPresent)).allSatisfy(wait ->
                assertThat(wait.orElseThrow()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(12)));
        assertThat(b.tryTake("operator:two")).isEmpty();
        a.giveBack("operator:one");
        assertThat(b.tryTake("operator:one")).isEmpty();
        assertThat(a.tryTake("operator:one")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void requestsToOneHostStartASpacingApartWhicheverReplicaSendsThem(TestDatabase db) throws Exception {
        Jdbi[] replicas = twoReplicas(db);
        SharedHostPacer a = new SharedHostPacer(replicas[0]);
        SharedHostPacer b = new SharedHostPacer(replicas[1]);
        Duration spacing = Duration.ofMillis(300);

        List<HostPacer.Reservation> slots = new ArrayList<>(all(i -> (i % 2 == 0 ? a : b)
                .reserveSlot("directory.example.kr", spacing)));

        slots.sort((x, y) -> x.slot().compareTo(y.slot()));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(Duration.between(slots.get(i - 1).slot(), slots.get(i).slot()))
                    .as("gap before reservation %d", i).isGreaterThanOrEqualTo(spacing);
        }
        assertThat(a.reserveSlot("other.example.kr", spacing).waitFor()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void leasesAreJudgedOnTheDatabaseClockNotOnAReplicasOwn(TestDatabase db) {
        Jdbi[] replicas = twoReplicas(db);
        long sourceId = Fixtures.insertSource(replicas[0], "lease-clock");
        JobQueue a = new JobQueue(replicas[0], new DatabaseClock(replicas[0]), 3, Duration.ofSeconds(1));
        JobQueue b = new JobQueue(replicas[1], new DatabaseClock(replicas[1]), 3, Duration.ofSeconds(1));
        a.enqueue(sourceId, JobQueue.SCRAPING);
        assertThat(a.claim(JobQueue.SCRAPING, "replica-a/0", Duration.ofMinutes(5))).isPresent();

        assertThat(b.recoverExpired()).isZero();
        Instant leaseUntil = replicas[1].withHandle(h -> h.createQuery("SELECT lease_until AS db_now FROM jobs")
                .map((rs, ctx) -> Rows.instant(rs, "db_now")).one());
        Instant dbNow = new DatabaseClock(replicas[1]).instant();
        assertThat(Duration.between(dbNow, leaseUntil)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        // What the database clock prevents: a replica on its own clock, 10 minutes fast, takes the job over.
        JobQueue fast = new JobQueue(replicas[1], Clock.offset(new DatabaseClock(replicas[1]), Duration.ofMinutes(10)),
                3, Duration.ofSeconds(1));
        assertThat(fast.recoverExpired()).isEqualTo(1);
    }

    private <T> List<T> all(Task<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CALLS);
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            int n = i;
            calls.add(() -> {
                start.await();
                return task.call(n);
            });
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : threads.invokeAll(calls)) {
            results.add(f.get());
        }
        return results;
    }

    private interface Task<T> {
        T call(int n) throws Exception;
    }

    /** Two pools on one migrated database, as two replicas have. */
    private static Jdbi[] twoReplicas(TestDatabase db) {
        DataSourceFactory factory = db.freshFactory();
        Jdbi first = Jdbi.create(factory.build(new MetricRegistry(), "replica-a")).installPlugin(new SqlObjectPlugin());
        DatabaseMigrations.migrate(factory.build(new MetricRegistry(), "migrate"));
        Jdbi second = Jdbi.create(factory.build(new MetricRegistry(), "replica-b")).installPlugin(new SqlObjectPlugin());
        return new Jdbi[] {first, second};
    }
}
