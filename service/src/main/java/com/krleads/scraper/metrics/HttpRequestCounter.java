package com.krleads.scraper.metrics;

import com.krleads.metrics.Labels;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Counts every request of the application connector exactly once, with its real status, in
 * {@code http_requests_total} and {@code http_request_duration_seconds}. It hooks into Jetty's
 * request log, which Jetty calls once for each request it completes: those Jersey answered,
 * those a servlet filter refused before Jersey (413 from the size limit) and those Jetty
 * refused while parsing (400 bad HTTP, 414, 431), which never reach a handler. The endpoint is
 * the route Jersey matched, left on the request by {@link HttpMetricsListener}, else
 * {@link Labels#UNMATCHED}. A request refused while parsing has no method either: Jetty
 * completes it as a {@code GET}.
 */
final class HttpRequestCounter implements RequestLog {
    /** The request attribute that carries the matched route template. */
    static final String ENDPOINT_ATTRIBUTE = HttpRequestCounter.class.getName() + ".endpoint";
    /** Dropwizard's name for the application connectors; the admin connectors are "admin". */
    static final String APPLICATION_CONNECTOR = "application";

    private final HttpMetrics http;

    HttpRequestCounter(HttpMetrics http) {
        this.http = http;
    }

    @Override
    public void log(Request request, Response response) {
        Connector connector = request.getConnectionMetaData().getConnector();
        if (connector == null || !APPLICATION_CONNECTOR.equals(connector.getName())) {
            return;
        }
        String endpoint = request.getAttribute(ENDPOINT_ATTRIBUTE) instanceof String matched ? matched : Labels.UNMATCHED;
        http.route(request.getMethod(), endpoint).finished(response.getStatus(), NanoTime.since(request.getBeginNanoTime()));
    }

    /** Joins the server's request log (Dropwizard's access log, if any) when the server starts. */
    LifeCycle.Listener installer() {
        return new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    RequestLog existing = server.getRequestLog();
                    server.setRequestLog(existing == null ? HttpRequestCounter.this
                            : new RequestLog.Collection(existing, HttpRequestCounter.this));
                    if (existing != null) {
                        // Replacing the request log unmanaged the existing one: keep it started and stopped.
                        server.addBean(existing);
                    }
                }
            }
        };
    }
}
