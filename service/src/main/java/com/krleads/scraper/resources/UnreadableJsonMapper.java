package com.krleads.scraper.resources;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.krleads.scraper.api.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/** JSON of the wrong shape, such as text where a number belongs; names the field. */
public class UnreadableJsonMapper implements jakarta.ws.rs.ext.ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse("malformed_json", "the request body cannot be read: "
                        + e.getOriginalMessage(), field.isEmpty() ? null : field))
                .build();
    }
}
