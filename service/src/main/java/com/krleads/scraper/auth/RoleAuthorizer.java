package com.krleads.scraper.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** {@code @RolesAllowed} checks: an operator may do what a reader may, not the other way round. */
public class RoleAuthorizer implements Authorizer<ApiKey> {
    @Override
    public boolean authorize(ApiKey key, String role, ContainerRequestContext requestContext) {
        return key.role().grants(role);
    }
}
