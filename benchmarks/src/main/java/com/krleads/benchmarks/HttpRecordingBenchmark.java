package com.krleads.benchmarks;

import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS_IN_PROGRESS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import com.krleads.scraper.metrics.HttpMetrics;
import com.krleads.scraper.metrics.ServiceMetrics;
import com.krleads.scraper.metrics.bridge.BucketHistogram;
import com.krleads.scraper.metrics.bridge.LabelledCounter;
import com.krleads.scraper.metrics.bridge.LabelledGauge;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Recording one HTTP request: request counter, duration histogram, in-progress up and down.
 * Ours (cached children, and the listener's full path with its route lookup) against the same
 * updates on raw simpleclient children (the anchor) and a Dropwizard Timer with its default
 * reservoir. All threads share the children, as concurrent requests to one route do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HttpRecordingBenchmark {
    private static final String METHOD = "GET";
    private static final String ENDPOINT = "/api/jobs/{id}";

    /** Read from the state so the JIT cannot fold it; lands in a middle bucket. */
    public double seconds = 0.042;
    public long nanos = 42_000_000L;
    public int status = 200;

    private LabelledCounter requests;
    private BucketHistogram duration;
    private LabelledGauge inProgress;
    private HttpMetrics http;

    private Counter.Child rawRequests;
    private Histogram.Child rawDuration;
    private Gauge.Child rawInProgress;

    private Timer timer;

    @Setup
    public void setUp() {
        ServiceMetrics metrics = new ServiceMetrics(new MetricRegistry());
        requests = metrics.counters(HTTP_REQUESTS).labels(METHOD, ENDPOINT, "200");
        duration = metrics.histograms(HTTP_REQUEST_DURATION).labels(METHOD, ENDPOINT);
        inProgress = metrics.gauges(HTTP_REQUESTS_IN_PROGRESS).labels(METHOD, ENDPOINT);
        http = new HttpMetrics(metrics, true);
        http.route(METHOD, ENDPOINT).finished(status, nanos);

        rawRequests = Counter.build().name(MetricCatalog.HTTP_REQUESTS.baseName()).help("anchor")
                .labelNames(labels(MetricCatalog.HTTP_REQUESTS)).create().labels(METHOD, ENDPOINT, "200");
        rawDuration = Histogram.build().name(MetricCatalog.HTTP_REQUEST_DURATION.name()).help("anchor")
                .buckets(MetricCatalog.HTTP_REQUEST_DURATION.buckets())
                .labelNames(labels(MetricCatalog.HTTP_REQUEST_DURATION)).create().labels(METHOD, ENDPOINT);
        rawInProgress = Gauge.build().name(MetricCatalog.HTTP_REQUESTS_IN_PROGRESS.name()).help("anchor")
                .labelNames(labels(MetricCatalog.HTTP_REQUESTS_IN_PROGRESS)).create().labels(METHOD, ENDPOINT);

        timer = new Timer();
    }

    private static String[] labels(MetricFamily family) {
        return family.labelNames().toArray(String[]::new);
    }

    private void ours() {
        inProgress.inc();
        requests.inc();
        duration.observe(seconds);
        inProgress.dec();
    }

    private void oursThroughTheListenerPath() {
        HttpMetrics.Route route = http.route(METHOD, ENDPOINT);
        route.started();
        route.finished(status, nanos);
        route.stopped();
    }

    private void rawSimpleclient() {
        rawInProgress.inc();
        rawRequests.inc();
        rawDuration.observe(seconds);
        rawInProgress.dec();
    }

    @Benchmark
    @Threads(1)
    public void ours1Thread() {
        ours();
    }

    @Benchmark
    @Threads(2)
    public void ours2Threads() {
        ours();
    }

    @Benchmark
    @Threads(1)
    public void oursRouteLookup1Thread() {
        oursThroughTheListenerPath();
    }

    @Benchmark
    @Threads(2)
    public void oursRouteLookup2Threads() {
        oursThroughTheListenerPath();
    }

    @Benchmark
    @Threads(1)
    public void simpleclient1Thread() {
        rawSimpleclient();
    }

    @Benchmark
    @Threads(2)
    public void simpleclient2Threads() {
        rawSimpleclient();
    }

    @Benchmark
    @Threads(1)
    public void dropwizardTimer1Thread() {
        timer.update(nanos, TimeUnit.NANOSECONDS);
    }

    @Benchmark
    @Threads(2)
    public void dropwizardTimer2Threads() {
        timer.update(nanos, TimeUnit.NANOSECONDS);
    }
}
