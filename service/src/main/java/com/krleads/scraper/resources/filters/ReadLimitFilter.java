package com.krleads.scraper.resources.filters;

import com.krleads.scraper.core.limit.KeyAllowance;
import com.krleads.scraper.resources.errors.RateLimitedException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Every read (GET) of the API takes one unit of its key's read allowance; past it, 429 with
 * {@code Retry-After}. Runs after authentication, so the key is known and a request without a
 * valid key costs nobody's allowance.
 */
@Priority(Priorities.AUTHORIZATION + 10)
public class ReadLimitFilter implements ContainerRequestFilter {
    private final KeyAllowance reads;

    public ReadLimitFilter(KeyAllowance reads) {
        this.reads = reads;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        String client = principal == null ? KeyAllowance.ANONYMOUS : principal.getName();
        reads.tryTake(client).ifPresent(wait -> {
            long seconds = RateLimitedException.seconds(wait);
            throw new RateLimitedException("too many reads with this API key; the next one is allowed in "
                    + seconds + " s", seconds);
        });
    }
}
