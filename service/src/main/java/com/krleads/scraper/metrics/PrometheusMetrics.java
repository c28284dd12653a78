package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.BUILD_INFO;
import static com.krleads.metrics.MetricCatalog.HEALTH_CHECK_STATUS;
import static com.krleads.metrics.MetricCatalog.QUEUE_OLDEST_JOB_AGE;
import static com.krleads.metrics.MetricCatalog.QUEUE_SIZE;
import static com.krleads.metrics.MetricCatalog.WORKERS_ACTIVE;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.krleads.scraper.config.MetricsConfig;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.quality.SourceHealth;
import com.krleads.scraper.metrics.bridge.RegistryCollector;
import io.dropwizard.core.setup.Environment;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.servlet.jakarta.exporter.MetricsServlet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of the metrics package: {@link #install} wires recording, the admin
 * {@code /metrics} endpoint and the JVM collectors into a Dropwizard environment, following
 * the {@code metrics} configuration.
 */
public final class PrometheusMetrics {
    /** Prometheus text (or OpenMetrics) on the admin port. */
    public static final String PROMETHEUS_PATH = "/metrics";
    /** Where Dropwizard's own JSON view of the registry moves to, on the admin port. */
    public static final String JSON_PATH = "/metrics.json";

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMetrics.class);
    /** Health checks run at scrape time, one thread each while they run; a hanging one holds its thread. */
    private static final int HEALTH_CHECK_THREADS = 16;

    private final ServiceMetrics metrics;
    private final CollectorRegistry registry;
    private final HttpMetrics http;
    private final PipelineEvents events;
    private final MetricsConfig config;
    private final List<Runnable> beforeScrape;

    private PrometheusMetrics(ServiceMetrics metrics, CollectorRegistry registry, HttpMetrics http,
                              PipelineEvents events, MetricsConfig config, List<Runnable> beforeScrape) {
        this.metrics = metrics;
        this.registry = registry;
        this.http = http;
        this.events = events;
        this.config = config;
        this.beforeScrape = beforeScrape;
    }

    public static PrometheusMetrics install(MetricsConfig config, Environment environment) {
        environment.getAdminContext().setInitParameter("metrics-uri", JSON_PATH);
        noteMultiprocessDir(config);
        if (!config.prometheusEnabled) {
            LOG.info("Prometheus instrumentation is off (PROMETHEUS_ENABLED=false): nothing is recorded");
            return disabled();
        }
        ExecutorService healthCheckPool = environment.lifecycle().executorService("health-check-metrics-%d")
                .minThreads(0).maxThreads(HEALTH_CHECK_THREADS).workQueue(new SynchronousQueue<>()).build();
        PrometheusMetrics installed = create(config, environment.metrics(), environment.healthChecks(), healthCheckPool);
        environment.jersey().register(new HttpMetricsListener(installed.http));
        environment.lifecycle().addEventListener(new HttpRequestCounter(installed.http).installer());
        if (config.endpointEnabled) {
            environment.admin().addServlet("prometheus-metrics", new MetricsServlet(installed.registry))
                    .addMapping(PROMETHEUS_PATH);
        }
        return installed;
    }

    /** Python's client needs a shared directory for several worker processes; a JVM does not. */
    static void noteMultiprocessDir(MetricsConfig config) {
        if (config.multiprocDir != null && !config.multiprocDir.isBlank()) {
            LOG.warn("PROMETHEUS_MULTIPROC_DIR is set ({}) but not needed: all threads of this JVM record into one "
                    + "registry served at {}; run several processes as separate scrape targets and sum in PromQL",
                    config.multiprocDir, PROMETHEUS_PATH);
        }
    }

    /** Recording and the collector registry without a web server (the admin endpoint is not mounted). */
    public static PrometheusMetrics create(MetricsConfig config, MetricRegistry dropwizard, HealthCheckRegistry checks,
                                           ExecutorService healthCheckPool) {
        ServiceMetrics metrics = new ServiceMetrics(dropwizard);
        HealthCheckStatus health = new HealthCheckStatus(checks, metrics.gauges(HEALTH_CHECK_STATUS),
                config.healthCheckTimeout.toJavaDuration(), healthCheckPool);
        List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
        beforeScrape.add(health::refresh);
        CollectorRegistry registry = RegistryCollector.registry(metrics.families(), dropwizard,
                () -> beforeScrape.forEach(Runnable::run));
        BuildInfo build = BuildInfo.current();
        metrics.gauges(BUILD_INFO).labels(build.version(), build.revision()).inc();
        return new PrometheusMetrics(metrics, registry, new HttpMetrics(metrics, config.includeLabels),
                new MetricsPipelineEvents(metrics, config.includeLabels, config.maxLabelValues), config, beforeScrape);
    }

    private static PrometheusMetrics disabled() {
        return new PrometheusMetrics(null, new CollectorRegistry(true), null, PipelineEvents.NONE, null, List.of());
    }

    /** What the pipeline and the workers report to; {@link PipelineEvents#NONE} when switched off. */
    public PipelineEvents events() {
        return events;
    }

    /** {@code queue_size{queue_name}}, read from {@code size} at each scrape. */
    public void queueSize(String queueName, LongSupplier size) {
        if (metrics != null) {
            metrics.gauges(QUEUE_SIZE).labels(queueName).readFrom(size::getAsLong);
        }
    }

    /** {@code queue_size{queue_name}} for each named queue, read from {@code countQueued} at each scrape. */
    public void queueSizes(ToLongFunction<String> countQueued, String... queueNames) {
        for (String queueName : queueNames) {
            queueSize(queueName, () -> countQueued.applyAsLong(queueName));
        }
    }

    /**
     * {@code queue_size{queue_name}} for each named queue, exported only while {@code reportsHere}
     * says this process is the one that reports the shared backlog (see {@link QueueSizeReporter}).
     */
    public void queueSizes(ToLongFunction<String> countQueued, BooleanSupplier reportsHere, String... queueNames) {
        if (metrics != null) {
            metrics.gauges(QUEUE_SIZE).exportWhen(reportsHere);
            queueSizes(countQueued, queueNames);
        }
    }

    /**
     * {@code queue_oldest_job_age_seconds{queue_name}} for each named queue, read from
     * {@code oldestAge} at each scrape and exported, like {@code queue_size}, only while
     * {@code reportsHere} says this process reports the shared backlog.
     */
    public void queueOldestJobAges(ToDoubleFunction<String> oldestAgeSeconds, BooleanSupplier reportsHere,
                                   String... queueNames) {
        if (metrics != null) {
            metrics.gauges(QUEUE_OLDEST_JOB_AGE).exportWhen(reportsHere);
            for (String queueName : queueNames) {
                metrics.gauges(QUEUE_OLDEST_JOB_AGE).labels(queueName)
                        .readFrom(() -> oldestAgeSeconds.applyAsDouble(queueName));
            }
        }
    }

    /**
     * The source-health gauges ({@code source_last_job_*}, {@code source_baseline_items},
     * {@code source_*_finding}), read from {@code sources} before each scrape and exported only
     * while {@code reportsHere} says this process reports the shared state.
     */
    public void sourceHealth(Supplier<List<SourceHealth>> sources, BooleanSupplier reportsHere) {
        if (metrics != null) {
            SourceHealthMetrics health = new SourceHealthMetrics(metrics, sources, reportsHere, config.includeLabels,
                    config.maxLabelValues);
            health.install();
            beforeScrape.add(health::refresh);
        }
    }

    /** {@code workers_active{queue_name}}, read from {@code busy} at each scrape. */
    public void workersActive(String queueName, LongSupplier busy) {
        if (metrics != null) {
            metrics.gauges(WORKERS_ACTIVE).labels(queueName).readFrom(busy::getAsLong);
        }
    }

    /** The registry behind {@code /metrics}: one per application, never the JVM-wide default. */
    public CollectorRegistry collectorRegistry() {
        return registry;
    }

    public boolean enabled() {
        return metrics != null;
    }

    /** The recorded families; null when switched off. */
    public ServiceMetrics families() {
        return metrics;
    }

    /** The HTTP families' route cache, for tests and benchmarks; null when switched off. */
    public HttpMetrics http() {
        return http;
    }
}
