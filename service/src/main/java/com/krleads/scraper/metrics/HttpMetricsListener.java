package com.krleads.scraper.metrics;

import com.krleads.metrics.Labels;
import jakarta.ws.rs.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.internal.process.MappableException;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.glassfish.jersey.uri.PathTemplate;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The Jersey side of the HTTP families. It names the endpoint of each request Jersey handles:
 * the matched route template (class and method {@code @Path} joined); for a request refused
 * before a method was chosen (405, 415) the templates matched so far; {@link Labels#UNMATCHED}
 * when no path matched. The name is left on the request for {@link HttpRequestCounter}, which
 * counts every request of the port once, Jersey's or not. Here: a request is in progress from
 * the moment its route is matched until Jersey finishes it, and {@code http_errors_total}
 * counts exceptions that ended in a 5xx response; exceptions that Jersey maps to 4xx by design
 * (not found, validation, bad JSON) are client errors and show in {@code http_requests_total}
 * with their status.
 */
public final class HttpMetricsListener implements ApplicationEventListener {
    private static final int SERVER_ERROR = 500;
    private static final int NOT_FOUND = 404;

    private final HttpMetrics http;
    /** The endpoint label of each resource method, built once: templates are fixed per method. */
    private final ConcurrentHashMap<ResourceMethod, String> endpoints = new ConcurrentHashMap<>();

    public HttpMetricsListener(HttpMetrics http) {
        this.http = http;
    }

    /** Once Jersey knows its routes, each route's children are created at 0, before its first request. */
    @Override
    public void onEvent(ApplicationEvent event) {
        if (event.getType() == ApplicationEvent.Type.INITIALIZATION_FINISHED) {
            for (Resource resource : event.getResourceModel().getResources()) {
                createRoutes(resource, List.of());
            }
        }
    }

    /**
     * The routes of a resource and its children, named as {@link #endpoint} names them at request
     * time (each {@code @Path} as Jersey's template, joined). HEAD and OPTIONS are left out: Jersey
     * answers them itself for every path, and they get their children on first use.
     */
    private void createRoutes(Resource resource, List<String> outer) {
        List<String> parts = new ArrayList<>(outer);
        if (resource.getPath() != null) {
            parts.add(new PathTemplate(resource.getPath()).getTemplate());
        }
        String endpoint = joined(parts);
        for (ResourceMethod method : resource.getResourceMethods()) {
            String httpMethod = method.getHttpMethod();
            if (httpMethod != null && !HttpMethod.HEAD.equals(httpMethod) && !HttpMethod.OPTIONS.equals(httpMethod)) {
                http.route(httpMethod, endpoint);
            }
        }
        for (Resource child : resource.getChildResources()) {
            createRoutes(child, parts);
        }
    }

    @Override
    public RequestEventListener onRequest(RequestEvent event) {
        return new RequestListener();
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
        List<String> parts = new ArrayList<>(templates.size());
        for (int i = templates.size() - 1; i >= 0; i--) {
            parts.add(templates.get(i).getTemplate());
        }
        return joined(parts);
    }

    /**
     * The path of the resource whose path matched when no method was chosen (405, 415): Jersey
     * has no matched templates then, only the matched resource and its parents.
     */
    static String resourceEndpoint(ExtendedUriInfo uriInfo) {
        List<RuntimeResource> matched = uriInfo.getMatchedRuntimeResources();
        if (matched.isEmpty()) {
            return endpoint(uriInfo);
        }
        LinkedList<String> parts = new LinkedList<>();
        for (RuntimeResource resource = matched.get(0); resource != null; resource = resource.getParent()) {
            String path = resource.getResources().get(0).getPath();
            if (path != null) {
                parts.addFirst(path);
            }
        }
        return joined(parts);
    }

    /** Route template parts, outermost first, joined with single slashes. */
    private static String joined(List<String> parts) {
        if (parts.isEmpty()) {
            return Labels.UNMATCHED;
        }
        StringBuilder path = new StringBuilder();
        for (String template : parts) {
            String part = template;
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
        private HttpMetrics.Route route;
        private Throwable error;

        @Override
        public void onEvent(RequestEvent event) {
            switch (event.getType()) {
                case REQUEST_MATCHED -> {
                    String endpoint = endpointOf(event.getUriInfo());
                    event.getContainerRequest().setProperty(HttpRequestCounter.ENDPOINT_ATTRIBUTE, endpoint);
                    route = http.route(event.getContainerRequest().getMethod(), endpoint);
                    route.started();
                }
                case ON_EXCEPTION -> error = error == null ? event.getException() : error;
                case FINISHED -> finished(event);
                default -> { }
            }
        }

        private void finished(RequestEvent event) {
            ContainerResponse response = event.getContainerResponse();
            int status = response == null ? SERVER_ERROR : response.getStatus();
            boolean wasInProgress = route != null;
            if (route == null) {
                // A path matched but no method took it (405, 415): the path's route is known.
                String endpoint = status == NOT_FOUND ? Labels.UNMATCHED : resourceEndpoint(event.getUriInfo());
                event.getContainerRequest().setProperty(HttpRequestCounter.ENDPOINT_ATTRIBUTE, endpoint);
                route = http.route(event.getContainerRequest().getMethod(), endpoint);
            }
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
