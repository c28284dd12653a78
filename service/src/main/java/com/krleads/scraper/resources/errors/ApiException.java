package com.krleads.scraper.resources.errors;

import jakarta.ws.rs.core.Response.Status;

/** A request the API refuses, turned into an {@code ErrorResponse} by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(422, "validation_failed", message, field);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(Status.NOT_FOUND.getStatusCode(), "not_found", what + " " + id + " does not exist",
                null);
    }

    public static ApiException conflict(String code, String message, String field) {
        return new ApiException(Status.CONFLICT.getStatusCode(), code, message, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
