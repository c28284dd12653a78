package com.krleads.scraper.auth;

import com.krleads.scraper.api.ErrorResponse;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Dropwizard's bearer filter also takes the token from an {@code access_token} query parameter;
 * URLs end up in request logs, proxies and browser histories, so such requests are refused
 * before any key is looked at and the key is accepted only in the Authorization header.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class TokenInUrlFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey(OAuthCredentialAuthFilter.OAUTH_ACCESS_TOKEN_PARAM)) {
            request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse("token_in_url", "send the API key in the Authorization header, "
                            + "never in the URL (URLs are logged); revoke a key that was sent this way",
                            OAuthCredentialAuthFilter.OAUTH_ACCESS_TOKEN_PARAM))
                    .build());
        }
    }
}
