package com.krleads.scraper.resources.filters;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over the limit with 413 before any resource sees them. A declared
 * length is checked at once; a chunked body is read up to the limit and then replayed.
 * A refused body of up to {@link #MAX_SWALLOW} bytes is read to its end first.
 *
 * <p>A body within the limit that nobody read, because the request was answered without it
 * (401, 403, 415 and other early answers), is read and dropped once the request is answered.
 * Jetty otherwise closes a connection whose request content had not all arrived when the answer
 * was complete, without a {@code Connection: close} first, and a keep-alive client (the JDK's
 * HttpClient, any connection pool) then fails its next request on that connection; a CI run
 * showed this as a flaky test of the 401 answers. The answer is sent first, so a client that
 * never sends its body still has it at once; a client that waits for {@code 100 Continue} is
 * not waited for (it will not send a body after a final answer).
 *
 * <p>Why not Jetty 12's {@code SizeLimitHandler}, which is on the classpath: it refuses a
 * declared length without reading the body, and a chunked body by failing the read mid-stream,
 * so a client still sending gets a reset connection instead of its 413 (a CI run showed this
 * as a flaky test before this filter drained the body); and its 413 comes from Jetty, before
 * the servlet context, rather than the API's JSON error with the {@code body_too_large} code.
 */
public class RequestSizeLimitFilter implements Filter {
    public static final int DEFAULT_LIMIT = 64 * 1024;
    /**
     * How much of a refused body is still read and dropped so that the client, still sending,
     * gets its 413 instead of a reset connection; past it the connection is closed.
     */
    static final long MAX_SWALLOW = 1024 * 1024;
    private final int limit;

    public RequestSizeLimitFilter(int limit) {
        this.limit = limit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long declared = http.getContentLengthLong();
        if (declared > limit) {
            swallowRest(http.getInputStream(), declared);
            refuse((HttpServletResponse) response);
            return;
        }
        if (declared >= 0 || !hasBody(http.getMethod())) {
            chain.doFilter(request, response);
            if (declared > 0 && !"100-continue".equalsIgnoreCase(http.getHeader("Expect"))) {
                response.flushBuffer();
                swallowUnread(http);
            }
            return;
        }
        byte[] body = readUpTo(http.getInputStream(), limit + 1);
        if (body.length > limit) {
            swallowRest(http.getInputStream(), MAX_SWALLOW);
            refuse((HttpServletResponse) response);
            return;
        }
        chain.doFilter(new BufferedRequest(http, body), response);
    }

    private static boolean hasBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"code\":\"body_too_large\",\"message\":\"the request body is larger than "
                + limit + " bytes\",\"field\":null}").getBytes(StandardCharsets.UTF_8));
    }

    /** What is left of a body the request was answered without; nothing when it was read. */
    private static void swallowUnread(HttpServletRequest request) {
        try {
            ServletInputStream in = request.getInputStream();
            if (!in.isFinished()) {
                swallowRest(in, request.getContentLengthLong());
            }
        } catch (IOException | IllegalStateException gone) {
            // The client went away, or the body was read as characters: nothing is left to keep.
        }
    }

    private static void swallowRest(InputStream in, long declared) throws IOException {
        if (declared > MAX_SWALLOW) {
            return;
        }
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while (read < MAX_SWALLOW && (n = in.read(buffer)) != -1) {
            read += n;
        }
    }

    private static byte[] readUpTo(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(buffer, 0, Math.min(buffer.length, max - out.size()))) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }
}
