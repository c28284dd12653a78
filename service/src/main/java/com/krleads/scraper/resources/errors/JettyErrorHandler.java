package com.krleads.scraper.resources.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.scraper.api.ErrorResponse;
import io.dropwizard.core.setup.Environment;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Jetty's own refusals in the API's error shape {@code {"code", "message", "field"}} instead of
 * an HTML page: those made while parsing, before any handler runs (400 bad HTTP, 414 URI too
 * long, 431 headers too large), at the server; and those a servlet or filter of the
 * application context sends with {@code sendError}, through {@link ServletErrorHandler}. The
 * code is the status's reason phrase in snake case ({@code uri_too_long}); a server error's
 * message is its reason phrase only, never an exception's text.
 */
public final class JettyErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVER_ERROR = 500;

    /** Server-wide from the server's start (Dropwizard sets its own before), and on the application context. */
    public static void install(Environment environment) {
        environment.getApplicationContext().setErrorHandler(new ServletErrorHandler());
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new JettyErrorHandler());
                }
            }
        });
    }

    /** Every method gets a body: a refused PUT or DELETE is as much an API answer as a GET. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        writeJson(response, code, message, cause, callback);
    }

    /** Writes the error body; an exception's own text is never shown, only an HTTP refusal's reason. */
    static void writeJson(Response response, int code, String message, Throwable cause, Callback callback) {
        String text = cause == null || cause instanceof HttpException ? message : null;
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.write(true, ByteBuffer.wrap(body(code, text)), callback);
    }

    /** The error body for {@code status}; {@code message} may be null (the reason phrase is used). */
    static byte[] body(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        String code = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String text = message == null || message.isBlank() || status >= SERVER_ERROR ? reason : message;
        try {
            return JSON.writeValueAsBytes(new ErrorResponse(code, text, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body of three strings cannot fail to serialize", e);
        }
    }
}
