package com.krleads.scraper.resources.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.krleads.scraper.api.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Bodies that are not JSON at all. Closer in type than Dropwizard's own mapper, so it wins. */
public class MalformedJsonMapper implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("malformed_json", "the request body is not valid JSON: "
                        + e.getOriginalMessage(), null))
                .build();
    }
}
