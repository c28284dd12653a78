package com.krleads.scraper.auth;

import com.krleads.scraper.api.ErrorResponse;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 401 in the API's error shape, with the challenge that tells clients to send a bearer token. */
public class BearerUnauthorizedHandler implements UnauthorizedHandler {
    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("unauthorized",
                        "a valid API key is required: send 'Authorization: Bearer <token>'", null))
                .build();
    }
}
