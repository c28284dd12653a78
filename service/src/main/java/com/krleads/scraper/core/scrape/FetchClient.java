package com.krleads.scraper.core.scrape;

import com.krleads.scraper.config.ScraperConfig;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apache HttpClient every fetch of the process shares, with its connection pool. Whatever
 * one fetch meets, the next gets a working client: should the pool ever be found closed (an
 * {@link Error} deep in the client once left every later fetch failing with "Connection pool
 * shut down"), a new client and pool replace them.
 */
final class FetchClient {
    private static final Logger LOG = LoggerFactory.getLogger(FetchClient.class);

    private final ScraperConfig config;
    private final HeaderLimits headerLimits;
    private final DnsResolver dns;
    private volatile Built built;

    private record Built(CloseableHttpClient client, PoolingHttpClientConnectionManager pool) {
    }

    FetchClient(ScraperConfig config, HeaderLimits headerLimits, DnsResolver dns) {
        this.config = config;
        this.headerLimits = headerLimits;
        this.dns = dns;
        this.built = build();
    }

    /** The shared client, rebuilt first if its pool was closed. */
    CloseableHttpClient client() {
        Built current = built;
        if (!current.pool().isClosed()) {
            return current.client();
        }
        synchronized (this) {
            if (built.pool().isClosed()) {
                LOG.warn("The fetchers' connection pool was found closed; a new client and pool replace it");
                built = build();
            }
            return built.client();
        }
    }

    /** Closes the pool under every fetch, as a failure inside the client could: for tests of the recovery. */
    void closePool() {
        built.pool().close(CloseMode.IMMEDIATE);
    }

    private Built build() {
        Duration readTimeout = config.readTimeout.toJavaDuration();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dns)
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(headerLimits.http1Config())
                        .responseParserFactory(headerLimits.responseParserFactory())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout.toJavaDuration()))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build())
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(8)
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(readTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
        return new Built(client, pool);
    }
}
