package com.krleads.scraper.resources.filters;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * Every POST and PUT of the API says {@code Content-Type: application/json}, even one without a
 * body (cancel, merge, dismiss): a browser sends a cross-site form or a plain {@code fetch} with
 * another type and no preflight, so without this a page on any site could merge leads on a
 * developer's machine. Runs after matching and after authentication, so the refusal is counted
 * under the route's template and an anonymous caller still gets 401.
 */
@Priority(Priorities.AUTHORIZATION + 100)
public class JsonContentTypeFilter implements ContainerRequestFilter {
    private static final Set<String> GUARDED = Set.of("POST", "PUT");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!GUARDED.contains(request.getMethod())) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && type.getType().equalsIgnoreCase("application")
                && type.getSubtype().equalsIgnoreCase("json");
        if (!json) {
            throw new NotSupportedException("a " + request.getMethod() + " of the API needs the header "
                    + "'Content-Type: application/json', even without a body");
        }
    }
}
