package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.HTTP_ERRORS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS_IN_PROGRESS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUEST_DURATION;

import com.krleads.metrics.Labels;
import com.krleads.scraper.metrics.bridge.BucketHistogram;
import com.krleads.scraper.metrics.bridge.LabelledCounter;
import com.krleads.scraper.metrics.bridge.LabelledGauge;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The HTTP families, with children cached per route (method and endpoint) so that recording a
 * request after the first one on its route allocates nothing: the route is found by the
 * endpoint string and the method's index, the status counter by the status code.
 */
public final class HttpMetrics {
    static final String OTHER_METHOD = "other";
    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", OTHER_METHOD};
    /**
     * The server errors any route can answer, created at 0 with the route: 500 (an unhandled
     * exception, the database gone) and 503 (the server unavailable). Their first occurrence
     * then counts in {@code increase()} and in the availability SLI.
     */
    static final int[] SERVER_ERRORS = {500, 503};

    private final ServiceMetrics metrics;
    private final boolean includeEndpoints;
    private final ConcurrentHashMap<String, AtomicReferenceArray<Route>> routes = new ConcurrentHashMap<>();

    public HttpMetrics(ServiceMetrics metrics, boolean includeEndpoints) {
        this.metrics = metrics;
        this.includeEndpoints = includeEndpoints;
    }

    /** The route's children; {@code endpoint} is a route template or {@link Labels#UNMATCHED}. */
    public Route route(String method, String endpoint) {
        String key = includeEndpoints ? endpoint : Labels.COLLAPSED;
        AtomicReferenceArray<Route> byMethod = routes.get(key);
        if (byMethod == null) {
            byMethod = routes.computeIfAbsent(key, k -> new AtomicReferenceArray<>(METHODS.length));
        }
        int index = methodIndex(method);
        Route route = byMethod.get(index);
        if (route == null) {
            byMethod.compareAndSet(index, null, new Route(METHODS[index], key));
            route = byMethod.get(index);
        }
        return route;
    }

    private static int methodIndex(String method) {
        for (int i = 0; i < METHODS.length - 1; i++) {
            if (METHODS[i].equals(method)) {
                return i;
            }
        }
        return METHODS.length - 1;
    }

    /** The children of one method and endpoint: created at 0 when the route is first named. */
    public final class Route {
        private static final int MAX_STATUS = 599;

        private final String method;
        private final String endpoint;
        private final LabelledGauge inProgress;
        private final BucketHistogram duration;
        private final AtomicReferenceArray<LabelledCounter> byStatus = new AtomicReferenceArray<>(MAX_STATUS + 1);

        private Route(String method, String endpoint) {
            this.method = method;
            this.endpoint = endpoint;
            this.inProgress = metrics.gauges(HTTP_REQUESTS_IN_PROGRESS).labels(method, endpoint);
            this.duration = metrics.histograms(HTTP_REQUEST_DURATION).labels(method, endpoint);
            for (int status : SERVER_ERRORS) {
                requests(status);
            }
        }

        public void started() {
            inProgress.inc();
        }

        public void stopped() {
            inProgress.dec();
        }

        /** Counts a finished request and its duration. */
        public void finished(int status, long nanos) {
            requests(status).inc();
            duration.observeNanos(nanos);
        }

        /** Counts an exception raised while handling a request on this route. */
        public void error(Throwable error) {
            String type = error.getClass().getSimpleName();
            metrics.counters(HTTP_ERRORS)
                    .labels(method, endpoint, type.isEmpty() ? error.getClass().getName() : type).inc();
        }

        private LabelledCounter requests(int status) {
            int index = status >= 100 && status <= MAX_STATUS ? status : 0;
            LabelledCounter counter = byStatus.get(index);
            if (counter == null) {
                String label = index == 0 ? "unknown" : Integer.toString(status);
                byStatus.compareAndSet(index, null, metrics.counters(HTTP_REQUESTS).labels(method, endpoint, label));
                counter = byStatus.get(index);
            }
            return counter;
        }
    }
}
