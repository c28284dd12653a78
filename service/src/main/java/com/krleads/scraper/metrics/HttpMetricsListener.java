package com.krleads.scraper.metrics;

import com.krleads.metrics.Labels;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.internal.process.MappableException;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Records the HTTP families for every request Jersey handles, matched or not. The endpoint is
 * the matched route template (class and method {@code @Path} joined); a request that matches
 * no route is {@link Labels#UNMATCHED}. A request is in progress from the moment its route is
 * matched until Jersey finishes it. {@code http_errors_total} counts exceptions that ended in
 * a 5xx response; exceptions that Jersey maps to 4xx by design (not found, validation, bad
 * JSON) are client errors and show in {@code http_requests_total} with their status.
 */
public final class HttpMetricsListener implements ApplicationEventListener {
    private static final int SERVER_ERROR = 500;

    private final HttpMetrics http;
    /** The endpoint label of each resource method, built once: templates are fixed per method. */
    private final ConcurrentHashMap<ResourceMethod, String> endpoints = new ConcurrentHashMap<>();

    public HttpMetricsListener(HttpMetrics http) {
        this.http = http;
    }

    @Override
    public void onEvent(ApplicationEvent event) {
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        return new RequestListener(System.nanoTime());
    }

    private String endpointOf(ExtendedUriInfo uriInfo) {
        ResourceMethod method = uriInfo.getMatchedResourceMethod();
        if (method == null) {
            return endpoint(uriInfo);
        }
        String endpoint = endpoints.get(method);
        return endpoint != null ? endpoint : endpoints.computeIfAbsent(method, m -> endpoint(uriInfo));
    }

    static String endpoint(ExtendedUriInfo uriInfo) {
        List<UriTemplate> templates = uriInfo.getMatchedTemplates();
        if (templates.isEmpty()) {
            return Labels.UNMATCHED;
        }
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String part = templates.get(i).getTemplate();
            boolean endsWithSlash = path.length() > 0 && path.charAt(path.length() - 1) == '/';
            boolean startsWithSlash = part.startsWith("/");
            if (endsWithSlash && startsWithSlash) {
                part = part.substring(1);
            } else if (!endsWithSlash && !startsWithSlash && !part.isEmpty()) {
                path.append('/');
            }
            path.append(part);
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** Jersey wraps what a resource method threw; the cause is the error's real type. */
    private static Throwable unwrapped(Throwable error) {
        Throwable current = error;
        while (current instanceof MappableException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private final class RequestListener implements RequestEventListener {
        private final long start;
        private HttpMetrics.Route route;
        private Throwable error;

        private RequestListener(long start) {
            this.start = start;
        }

        @Override
        public void onEvent(RequestEvent event) {
            switch (event.getType()) {
                case REQUEST_MATCHED -> {
                    route = http.route(event.getContainerRequest().getMethod(), endpointOf(event.getUriInfo()));
                    route.started();
                }
                case ON_EXCEPTION -> error = error == null ? event.getException() : error;
                case FINISHED -> finished(event);
                default -> { }
            }
        }

        private void finished(RequestEvent event) {
            boolean wasInProgress = route != null;
            if (route == null) {
                route = http.route(event.getContainerRequest().getMethod(), Labels.UNMATCHED);
            }
            ContainerResponse response = event.getContainerResponse();
            int status = response == null ? SERVER_ERROR : response.getStatus();
            route.finished(status, System.nanoTime() - start);
            if (error == null) {
                error = event.getException();
            }
            if (error != null && status >= SERVER_ERROR) {
                route.error(unwrapped(error));
            }
            if (wasInProgress) {
                route.stopped();
            }
        }
    }
}
