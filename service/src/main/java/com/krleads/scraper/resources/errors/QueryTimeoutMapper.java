package com.krleads.scraper.resources.errors;

import com.krleads.scraper.api.ErrorResponse;
import com.krleads.scraper.db.QueryTimeouts;
import io.dropwizard.jersey.errors.LoggingExceptionMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.JdbiException;

/**
 * A statement the database cancelled at the query timeout: 503 in the API's error shape, with
 * {@code Retry-After}, so that one heavy read costs its caller, not the service. Any other
 * database failure keeps Dropwizard's logged 500.
 */
public class QueryTimeoutMapper extends LoggingExceptionMapper<JdbiException> {
    private static final long RETRY_AFTER_SECONDS = 5;
    private final long timeoutSeconds;

    public QueryTimeoutMapper(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public Response toResponse(JdbiException e) {
        if (!QueryTimeouts.causedBy(e)) {
            return super.toResponse(e);
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(new ErrorResponse("query_timeout", "the query ran longer than the limit of "
                        + timeoutSeconds + " s and was cancelled; narrow it (q, source) or try again later", null))
                .build();
    }
}
