package com.krleads.scraper.logging;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every API request an id: the caller's (or the balancer's) {@code X-Request-Id} when it is a
 * short token, a new UUID otherwise. The id is returned in the response's {@code X-Request-Id}
 * (which the request log writes) and is in the MDC of every log line written while the request runs.
 */
public class RequestIdFilter implements Filter {
    public static final String HEADER = "X-Request-Id";
    /** What a caller may choose: no spaces, quotes or control characters can reach a log line. */
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** Before every other filter of the application port, so even a refused request has its id. */
    public static void install(Environment environment) {
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    static String idFor(String given) {
        return given != null && USABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = idFor(((HttpServletRequest) request).getHeader(HEADER));
        ((HttpServletResponse) response).setHeader(HEADER, id);
        MDC.put(LogFields.REQUEST_ID, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogFields.REQUEST_ID);
        }
    }
}
