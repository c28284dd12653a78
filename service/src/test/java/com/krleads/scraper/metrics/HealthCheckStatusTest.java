package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCheckStatusTest {
    private final HealthCheckRegistry checks = new HealthCheckRegistry();
    private final ServiceMetrics metrics = new ServiceMetrics(new MetricRegistry());
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HealthCheckStatus status = new HealthCheckStatus(checks, metrics.gauges(HEALTH_CHECK_STATUS), Duration.ofSeconds(1), pool);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void oneGaugePerCheckWithHealthyAsOne() {
        checks.register("database", check(true));
        checks.register("queue", check(false));

        status.refresh();

        assertThat(metrics.gauges(HEALTH_CHECK_STATUS).labels("database").value()).isEqualTo(1);
        assertThat(metrics.gauges(HEALTH_CHECK_STATUS).labels("queue").value()).isZero();
    }

    @Test
    void aHangingCheckDoesNotHoldTheScrapeAndKeepsItsLastResult() throws InterruptedException {
        checks.register("database", check(true));
        CountDownLatch started = new CountDownLatch(1);
        checks.register("ollama", new HealthCheck() {
            @Override
            protected Result check() throws Exception {
                started.countDown();
                release.await();
                return Result.healthy();
            }
        });

        status.refresh();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(metrics.gauges(HEALTH_CHECK_STATUS).labels("ollama").value()).isZero();
        assertThat(metrics.gauges(HEALTH_CHECK_STATUS).labels("database").value()).isEqualTo(1);

        status.refresh();
        assertThat(metrics.gauges(HEALTH_CHECK_STATUS).labels("ollama").value()).isZero();

        release.countDown();
        awaitValue("ollama", 1);
    }

    private void awaitValue(String check, double expected) throws InterruptedException {
        for (int i = 0; i < 100 && metrics.gauges(HEALTH_CHECK_STATUS).labels(check).value() != expected; i++) {
            status.refresh();
            Thread.sleep(20);
        }
        assertThat(metrics.gauges(HEALTH_CHECK_STATUS).labels(check).value()).isEqualTo(expected);
    }

    private static HealthCheck check(boolean healthy) {
        return new HealthCheck() {
            @Override
            protected Result check() {
                return healthy ? Result.healthy() : Result.unhealthy("down");
            }
        };
    }
}
