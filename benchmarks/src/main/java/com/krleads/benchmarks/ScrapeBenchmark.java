package com.krleads.benchmarks;

import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.krleads.scraper.config.MetricsConfig;
import com.krleads.scraper.metrics.PrometheusMetrics;
import com.krleads.scraper.metrics.ServiceMetrics;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Rendering one scrape (text format 0.0.4) of 10,000 of our series plus the JVM collectors. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScrapeBenchmark {
    static final int SERIES = 10_000;

    private CollectorRegistry registry;
    private ExecutorService healthCheckPool;

    @Setup
    public void setUp() {
        healthCheckPool = Executors.newCachedThreadPool();
        PrometheusMetrics metrics = PrometheusMetrics.create(new MetricsConfig(), new MetricRegistry(),
                new HealthCheckRegistry(), healthCheckPool);
        ServiceMetrics families = metrics.families();
        for (int i = 0; i < SERIES; i++) {
            families.counters(HTTP_REQUESTS).labels("GET", "/api/route-" + (i / 10) + "/{id}", Integer.toString(200 + i % 10)).inc(i);
        }
        registry = metrics.collectorRegistry();
    }

    @TearDown
    public void tearDown() {
        healthCheckPool.shutdownNow();
    }

    /** Written as simpleclient's MetricsServlet writes a scrape: UTF-8 through a buffered writer, so encoding counts. */
    @Benchmark
    public Writer render10000Series() throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        TextFormat.write004(out, registry.metricFamilySamples());
        out.flush();
        return out;
    }
}
