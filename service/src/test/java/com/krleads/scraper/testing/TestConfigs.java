package com.krleads.scraper.testing;

import com.krleads.scraper.config.ScraperConfig;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;

/** Configurations with short timeouts, so failure paths run in well under a second each. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static ScraperConfig scraper(boolean allowPrivateAddresses) {
        ScraperConfig config = new ScraperConfig();
        config.allowPrivateAddresses = allowPrivateAddresses;
        config.userAgent = "KRLeadScraper/0.1 (test)";
        config.connectTimeout = Duration.seconds(1);
        // Room for a JVM's first request (class loading on a busy machine); the timeout test sets its own.
        config.readTimeout = Duration.seconds(2);
        config.maxBodySize = DataSize.kibibytes(256);
        config.maxRetries = 2;
        config.retryBackoff = Duration.milliseconds(10);
        config.maxRedirects = 3;
        return config;
    }
}
