package com.krleads.scraper.core.scrape;

import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.core.RefusedUrlException;
import com.krleads.scraper.core.UrlGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one URL with the JDK HTTP client: redirects followed by hand (each target checked
 * again), a deadline per request covering headers and body, a body size limit, and retries with
 * exponential backoff on timeouts, I/O errors, 5xx and 429. 4xx answers fail at once.
 *
 * <p>Every request is preceded by {@link AddressCheck#check}, which resolves the host and checks
 * every address (see {@link UrlGuard}). The HTTP client then resolves the name again to connect,
 * so a DNS server that answers a public address to the check and a private one a moment later
 * (DNS rebinding) can still win that race; the window is the few milliseconds between the two
 * lookups and is narrowed, not closed. Closing it needs connecting to the checked address
 * itself, which {@code java.net.http} does not offer for HTTPS with the right server name.
 */
public final class PageFetcher {

    /** Decides whether a URL may be requested; {@link UrlGuard#check} in production. */
    @FunctionalInterface
    public interface AddressCheck {
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

    private final HttpClient client;
    private final AddressCheck addressCheck;
    private final String userAgent;
    private final Duration readTimeout;
    private final long maxBodyBytes;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final int maxRedirects;
    private final Sleeper sleeper;

    public PageFetcher(ScraperConfig config, AddressCheck addressCheck, Sleeper sleeper) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout.toJavaDuration())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.addressCheck = addressCheck;
        this.userAgent = config.userAgent;
        this.readTimeout = config.readTimeout.toJavaDuration();
        this.maxBodyBytes = config.maxBodySize.toBytes();
        this.maxRetries = config.maxRetries;
        this.retryBackoff = config.retryBackoff.toJavaDuration();
        this.maxRedirects = config.maxRedirects;
        this.sleeper = sleeper;
    }

    /** The production fetcher: addresses checked by a {@link UrlGuard} built from the config. */
    public static PageFetcher create(ScraperConfig config) {
        UrlGuard guard = new UrlGuard(config.allowPrivateAddresses);
        return new PageFetcher(config, guard::check, Sleeper.REAL);
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
        return get(uri, redirectFilter, LimitedBodySubscriber.handler(maxBodyBytes));
    }

    /** As {@link #get(URI)}, but a body longer than {@code maxBytes} is cut there rather than refused (robots.txt). */
    public FetchedPage getPrefix(URI uri, long maxBytes) throws FetchException, InterruptedException {
        return get(uri, target -> { }, LimitedBodySubscriber.handler(maxBytes, true));
    }

    private FetchedPage get(URI uri, RedirectFilter redirectFilter, HttpResponse.BodyHandler<byte[]> bodyHandler)
            throws FetchException, InterruptedException {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            Answer answer = sendWithRetries(current, bodyHandler);
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

    private Answer sendWithRetries(URI uri, HttpResponse.BodyHandler<byte[]> bodyHandler)
            throws FetchException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            String problem;
            Throwable cause = null;
            try {
                Answer answer = sendOnce(uri, bodyHandler);
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

    private Answer sendOnce(URI uri, HttpResponse.BodyHandler<byte[]> bodyHandler)
            throws FetchException, IOException, TimeoutException, InterruptedException {
        try {
            addressCheck.check(uri);
        } catch (RefusedUrlException e) {
            throw new FetchException("refused " + uri + ": " + e.getMessage(), e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, bodyHandler);
        HttpResponse<byte[]> response;
        try {
            response = future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw asIoException(uri, e.getCause());
        }
        return new Answer(response.statusCode(),
                response.headers().firstValue("Location").orElse(null),
                response.body(),
                charsetOf(response.headers().firstValue("Content-Type").orElse("")));
    }

    /** A body over the limit is final (a {@link FetchException}); anything else may be retried. */
    private static IOException asIoException(URI uri, Throwable error) throws FetchException {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof LimitedBodySubscriber.BodyTooLargeException) {
                throw new FetchException(uri + ": " + t.getMessage(), -1);
            }
        }
        return error instanceof IOException io ? io : new IOException(error);
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
