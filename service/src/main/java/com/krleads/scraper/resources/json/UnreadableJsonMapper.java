package com.krleads.scraper.resources.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.krleads.scraper.api.ErrorResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/**
 * JSON that parses but does not fit, named by field. An unknown field, a fraction for a whole
 * number and a control character are 422 (the JSON is fine, the value is refused); other
 * shapes, such as text where a number belongs, are 400.
 */
public class UnreadableJsonMapper implements jakarta.ws.rs.ext.ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        String named = field.isEmpty() ? null : field;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return error(422, "unknown_field", "unknown field '" + unknown.getPropertyName() + "'", named);
        }
        if (e instanceof StrictJson.ControlCharacterException) {
            return error(422, "validation_failed", field + " " + e.getOriginalMessage(), named);
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof Number
                && isWholeNumberType(format.getTargetType())) {
            return error(422, "validation_failed", field + " must be a whole number, not " + format.getValue(), named);
        }
        return error(400, "malformed_json", "the request body cannot be read: " + e.getOriginalMessage(), named);
    }

    private static boolean isWholeNumberType(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class;
    }

    private static Response error(int status, String code, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message, field))
                .build();
    }
}
