package com.krleads.scraper.core.scrape;

import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.core.net.RefusedUrlException;
import com.krleads.scraper.core.net.UrlGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.MessageConstraintException;

/**
 * Fetches one URL with Apache HttpClient 5: redirects followed by hand (each target checked
 * again), a deadline per request covering headers and body, a body size limit, and retries with
 * exponential backoff on timeouts, I/O errors, 5xx and 429. 4xx answers fail at once.
 *
 * <p>The client resolves host names only through {@link HostCheck} ({@link UrlGuard#resolve} in
 * production): one lookup per connection, checked, and the connection made to exactly the
 * addresses checked, for the first request and every redirect alike. TLS still verifies and
 * sends the host name. No proxy is used.
 */
public final class PageFetcher {

    /** Resolves a host once and checks every address, or refuses it; {@link UrlGuard#resolve} in production. */
    @FunctionalInterface
    public interface HostCheck {
        InetAddress[] resolve(String host) throws RefusedUrlException;
    }

    /** Checks a URL before each request and redirect without DNS (scheme, host, port); {@link UrlGuard#checkUrl} in production. */
    @FunctionalInterface
    public interface UrlCheck {
        void check(URI uri) throws RefusedUrlException;
    }

    /** Vetoes a redirect target by throwing, e.g. when robots.txt forbids it. */
    @FunctionalInterface
    public interface RedirectFilter {
        void check(URI target) throws FetchException, InterruptedException;
    }

    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private record Answer(int status, String location, byte[] body, String charset) {
    }

    private final FetchClient client;
    private final String userAgent;
    private final Duration readTimeout;
    private final long maxBodyBytes;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final int maxRedirects;
    private final Sleeper sleeper;
    private final UrlCheck urlCheck;

    /** Any port: for tests whose servers listen on loopback ports. */
    public PageFetcher(ScraperConfig config, HostCheck hostCheck, Sleeper sleeper) {
        this(config, UrlGuard::checkSyntax, hostCheck, sleeper);
    }

    public PageFetcher(ScraperConfig config, UrlCheck urlCheck, HostCheck hostCheck, Sleeper sleeper) {
        this.urlCheck = urlCheck;
        this.userAgent = config.userAgent;
        this.readTimeout = config.readTimeout.toJavaDuration();
        this.maxBodyBytes = config.maxBodySize.toBytes();
        this.maxRetries = config.maxRetries;
        this.retryBackoff = config.retryBackoff.toJavaDuration();
        this.maxRedirects = config.maxRedirects;
        this.sleeper = sleeper;
        this.client = new FetchClient(config, HeaderLimits.from(config), new GuardedDnsResolver(hostCheck));
    }

    /** The production fetcher: hosts resolved and checked by a {@link UrlGuard} built from the config. */
    public static PageFetcher create(ScraperConfig config) {
        UrlGuard guard = config.urlGuard();
        return new PageFetcher(config, guard::checkUrl, guard::resolve, Sleeper.REAL);
    }

    /** Closes the shared pool as a failure inside the client could; the next fetch must still work. */
    void closePoolForTest() {
        client.closePool();
    }

    public String userAgent() {
        return userAgent;
    }

    /** GETs {@code uri}, following redirects; returns the final 2xx answer. */
    public FetchedPage get(URI uri) throws FetchException, InterruptedException {
        return get(uri, target -> { });
    }

    /** As {@link #get(URI)}, asking {@code redirectFilter} before following each redirect. */
    public FetchedPage get(URI uri, RedirectFilter redirectFilter) throws FetchException, InterruptedException {
        return get(uri, redirectFilter, maxBodyBytes, false);
    }

    /** As {@link #get(URI)}, but a body longer than {@code maxBytes} is cut there rather than refused (robots.txt). */
    public FetchedPage getPrefix(URI uri, long maxBytes) throws FetchException, InterruptedException {
        return get(uri, target -> { }, maxBytes, true);
    }

    private FetchedPage get(URI uri, RedirectFilter redirectFilter, long maxBytes, boolean truncate)
            throws FetchException, InterruptedException {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            Answer answer = sendWithRetries(current, maxBytes, truncate);
            if (isRedirect(answer.status()) && answer.location() != null) {
                if (redirects >= maxRedirects) {
                    throw new FetchException("more than " + maxRedirects + " redirects from " + uri, answer.status());
                }
                current = resolve(current, answer.location());
                redirectFilter.check(current);
                continue;
            }
            if (answer.status() < 200 || answer.status() >= 300) {
                throw new FetchException("HTTP " + answer.status() + " from " + current, answer.status());
            }
            return new FetchedPage(current, answer.status(), answer.body(), answer.charset());
        }
    }

    private Answer sendWithRetries(URI uri, long maxBytes, boolean truncate) throws FetchException, InterruptedException {
        try {
            urlCheck.check(uri);
        } catch (RefusedUrlException e) {
            throw new FetchException("refused " + uri + ": " + e.getMessage(), e);
        }
        for (int attempt = 0; ; attempt++) {
            String problem;
            Throwable cause = null;
            try {
                Answer answer = sendOnce(uri, maxBytes, truncate);
                if (!isRetryable(answer.status())) {
                    return answer;
                }
                problem = "HTTP " + answer.status();
                if (attempt >= maxRetries) {
                    throw new FetchException(uri + ": " + problem + attempts(attempt), answer.status());
                }
            } catch (TimeoutException e) {
                problem = "no complete answer within " + readTimeout.toMillis() + " ms";
                cause = e;
            } catch (IOException e) {
                problem = e.toString();
                cause = e;
            }
            if (attempt >= maxRetries) {
                throw new FetchException(uri + ": " + problem + attempts(attempt), cause);
            }
            sleeper.sleep(retryBackoff.multipliedBy(1L << attempt));
        }
    }

    /**
     * One exchange under one deadline: when it passes, the exchange is aborted, which closes the
     * connection under a blocked read. A refused host or an oversized body is final; with
     * {@code truncate} the first {@code maxBytes} are the body and the rest is not read.
     */
    private Answer sendOnce(URI uri, long maxBytes, boolean truncate)
            throws FetchException, IOException, TimeoutException, InterruptedException {
        HttpGet request = new HttpGet(uri);
        request.setHeader("User-Agent", userAgent);
        request.setHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            request.cancel();
        }, CompletableFuture.delayedExecutor(readTimeout.toMillis(), TimeUnit.MILLISECONDS));
        try {
            ClassicHttpResponse response = client.client().executeOpen(null, request, null);
            try {
                LimitedBody.Read read = LimitedBody.read(response.getEntity(), maxBytes, truncate);
                Answer answer = new Answer(response.getCode(), value(response.getFirstHeader("Location")),
                        read.bytes(), charsetOf(value(response.getFirstHeader("Content-Type"))));
                if (read.complete()) {
                    response.close();
                } else {
                    // The rest is left unread: drop the connection rather than drain it.
                    request.cancel();
                    closeQuietly(response);
                }
                return answer;
            } catch (IOException | RuntimeException | Error e) {
                request.cancel();
                closeQuietly(response);
                throw e;
            }
        } catch (IOException e) {
            throw classify(uri, e, timedOut.get());
        } catch (VirtualMachineError e) {
            request.cancel();
            throw e;
        } catch (Error e) {
            // Only this page fails: the exchange is dropped and the shared client goes on.
            request.cancel();
            throw new FetchException(uri + ": the fetch failed with " + e, e);
        } catch (IllegalStateException e) {
            // The deadline's abort can land while the client is still leasing or connecting.
            if (timedOut.get()) {
                throw classify(uri, new IOException(e), true);
            }
            throw e;
        } finally {
            deadline.cancel(false);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while fetching " + uri);
            }
        }
    }

    private static IOException classify(URI uri, IOException error, boolean timedOut)
            throws FetchException, TimeoutException {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof GuardedDnsResolver.RefusedHostException refused) {
                throw new FetchException("refused " + uri + ": " + refused.getMessage(), refused.getCause());
            }
            if (t instanceof LimitedBody.BodyTooLargeException) {
                throw new FetchException(uri + ": " + t.getMessage(), -1);
            }
            if (t instanceof HeaderLimits.HeadersTooLargeException || t instanceof MessageConstraintException) {
                throw new FetchException(uri + ": the answer's headers are over the limits: " + t.getMessage(), t);
            }
        }
        if (timedOut) {
            TimeoutException timeout = new TimeoutException("deadline passed");
            timeout.initCause(error);
            throw timeout;
        }
        return error;
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException alreadyAborted) {
            // the exchange was aborted on purpose; nothing is left to release
        }
    }

    private static String value(Header header) {
        return header == null ? null : header.getValue();
    }

    private static String attempts(int attempt) {
        return " (after " + (attempt + 1) + " attempts)";
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchException("bad redirect Location '" + location + "' from " + base, -1);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean isRetryable(int status) {
        return status >= 500 || status == 429;
    }

    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String value = p.substring("charset=".length()).trim().replace("\"", "");
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
