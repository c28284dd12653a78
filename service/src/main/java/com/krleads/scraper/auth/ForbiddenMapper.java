package com.krleads.scraper.auth;

import com.krleads.scraper.api.ErrorResponse;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A known key whose role may not do this (a reader writing): 403 in the API's error shape. */
public class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("forbidden",
                        "this API key may only read: changing sources, jobs or duplicates needs the "
                                + Role.OPERATOR_NAME + " role", null))
                .build();
    }
}
