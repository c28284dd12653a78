package com.krleads.scraper.metrics;

import com.codahale.metrics.health.HealthCheckRegistry;
import com.krleads.scraper.metrics.bridge.LabelledFamily;
import com.krleads.scraper.metrics.bridge.LabelledGauge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code health_check_status{check}}: at each scrape every registered health check runs on a
 * small pool, and the scrape waits at most {@code timeout} for all of them together. A check
 * that is still running keeps its last result (0 until it first answers) and is not started
 * again until it finishes, so a hanging check costs one thread, not one per scrape. The pool is
 * the application's, built and shut down by Dropwizard's lifecycle.
 */
final class HealthCheckStatus {
    private final HealthCheckRegistry checks;
    private final LabelledFamily<LabelledGauge> family;
    private final long timeoutNanos;
    private final ExecutorService executor;
    private final Map<String, Boolean> lastResult = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();

    HealthCheckStatus(HealthCheckRegistry checks, LabelledFamily<LabelledGauge> family, Duration timeout,
                      ExecutorService executor) {
        this.checks = checks;
        this.family = family;
        this.timeoutNanos = timeout.toNanos();
        this.executor = executor;
    }

    /** Runs the checks for this scrape; returns when all answered or the timeout passed. */
    void refresh() {
        long deadline = System.nanoTime() + timeoutNanos;
        for (String name : checks.getNames()) {
            LabelledGauge gauge = family.labels(name);
            gauge.readFrom(() -> Boolean.TRUE.equals(lastResult.get(name)) ? 1 : 0);
            running.compute(name, (key, previous) -> previous == null || previous.isDone() ? start(key) : previous);
        }
        for (Future<?> future : running.values()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                future.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // keep the last result; the check may answer in time for the next scrape
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Future<?> start(String name) {
        try {
            return executor.submit(() -> {
                try {
                    lastResult.put(name, checks.runHealthCheck(name).isHealthy());
                } catch (RuntimeException e) {
                    lastResult.put(name, false);
                }
            });
        } catch (RejectedExecutionException e) {
            // every thread is held by a hanging check, or the pool is shutting down: keep the last result
            return CompletableFuture.completedFuture(null);
        }
    }
}
