package com.krleads.scraper.resources.errors;

import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code sendError} of a servlet or filter of the application context (such as a TRACE refused
 * by Dropwizard's allowed-methods filter) in the API's error shape, as {@link JettyErrorHandler}.
 */
final class ServletErrorHandler extends ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        JettyErrorHandler.writeJson(response, code, message, cause, callback);
    }
}
