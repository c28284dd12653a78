package com.krleads.scraper.metrics.app;

import com.codahale.metrics.health.HealthCheck;
import com.krleads.scraper.metrics.PrometheusMetrics;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;
import java.util.concurrent.atomic.AtomicLong;

/** A small application wired the way the real one is: install, then hand the hooks out. */
public class MetricsTestApplication extends Application<MetricsTestConfiguration> {
    public static final String QUEUE = "scraping";

    public final AtomicLong queued = new AtomicLong();
    public final AtomicLong busyWorkers = new AtomicLong();
    public PrometheusMetrics metrics;

    @Override
    public void run(MetricsTestConfiguration config, Environment environment) {
        metrics = PrometheusMetrics.install(config.metrics, environment);
        metrics.queueSize(QUEUE, queued::get);
        metrics.workersActive(QUEUE, busyWorkers::get);
        environment.healthChecks().register("database", new HealthCheck() {
            @Override
            protected Result check() {
                return Result.healthy();
            }
        });
        environment.jersey().register(new TestResources.Jobs());
        environment.jersey().register(new TestResources.Boom());
        environment.jersey().register(new TestResources.Items());
    }
}
