package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.core.net.RefusedUrlException;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.TestConfigs;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageFetcherTest {
    private static FixtureSite site;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ScraperConfig config = TestConfigs.scraper(true);

    @BeforeAll
    static void startSite() throws Exception {
        site = FixtureSite.start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private PageFetcher fetcher(PageFetcher.HostCheck check) {
        return new PageFetcher(config, check, sleeps::add);
    }

    private PageFetcher permissive() {
        return fetcher(new UrlGuard(true)::resolve);
    }

    @Test
    void fetchesAPageWithTheConfiguredUserAgent() throws Exception {
        FetchedPage page = permissive().get(site.uri("/seoul/food/index.html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.charset()).isEqualTo("UTF-8");
        assertThat(page.text()).contains("서울맛집 한식당");
        assertThat(site.requests()).last().satisfies(r -> assertThat(r.userAgent()).isEqualTo("KRLeadScraper/0.1 (test)"));
    }

    @Test
    void retriesServerErrorsWithExponentialBackoff() throws Exception {
        FetchedPage page = permissive().get(site.uri("/test/flaky?key=backoff"));
        assertThat(page.text()).contains("복구됨");
        assertThat(site.count("/test/flaky")).isGreaterThanOrEqualTo(3);
        assertThat(site.requests().stream().filter(r -> r.pathAndQuery().equals("/test/flaky?key=backoff")).count())
                .isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    }

    @Test
    void givesUpAfterMaxRetries() {
        config.maxRetries = 1;
        assertThatThrownBy(() -> permissive().get(site.uri("/test/flaky?key=giveup")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 503").hasMessageContaining("after 2 attempts");
    }

    @Test
    void clientErrorsFailAtOnceWithoutRetry() {
        assertThatThrownBy(() -> permissive().get(site.uri("/seoul/food/missing.html")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 404")
                .satisfies(e -> assertThat(((FetchException) e).status()).isEqualTo(404));
        assertThat(site.count("/seoul/food/missing.html")).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        config.readTimeout = io.dropwizard.util.Duration.milliseconds(400);
        long before = site.count("/test/slow");
        assertThatThrownBy(() -> permissive().get(site.uri("/test/slow")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(site.count("/test/slow") - before).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void anOversizedBodyIsCutOffAndNotRetried() {
        assertThatThrownBy(() -> permissive().get(site.uri("/test/big")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("larger than " + 256 * 1024 + " bytes");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void followsRedirectsItself() throws Exception {
        FetchedPage page = permissive().get(site.uri("/test/redirect?to=/seoul/food/page2.html"));
        assertThat(page.uri()).isEqualTo(site.uri("/seoul/food/page2.html"));
        assertThat(page.text()).contains("수원 왕갈비");
    }

    @Test
    void stopsAfterMaxRedirects() {
        long before = site.count("/test/redirect-loop");
        assertThatThrownBy(() -> permissive().get(site.uri("/test/redirect-loop")))
                .isInstanceOf(FetchException.class).hasMessageContaining("more than 3 redirects");
        assertThat(site.count("/test/redirect-loop") - before).isEqualTo(4);
    }

    @Test
    void checksEveryRedirectTargetBeforeConnecting() {
        // Lets the fixture on 127.0.0.1 through and judges every other host as production would.
        UrlGuard strict = new UrlGuard(false);
        List<String> resolved = new CopyOnWriteArrayList<>();
        PageFetcher fetcher = fetcher(host -> {
            resolved.add(host);
            return "127.0.0.1".equals(host) ? new UrlGuard(true).resolve(host) : strict.resolve(host);
        });
        URI metadata = URI.create("http://169.254.169.254/latest/meta-data/");
        assertThatThrownBy(() -> fetcher.get(site.uri("/test/redirect?to=" + metadata)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("refused " + metadata).hasMessageContaining(RefusedUrlException.NOT_ALLOWED)
                .rootCause().isInstanceOfSatisfying(RefusedUrlException.class,
                        refused -> assertThat(refused.rule()).contains("link-local (169.254.0.0/16)"));
        assertThat(resolved).containsExactly("127.0.0.1", "169.254.169.254");
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        assertThatThrownBy(() -> permissive().get(site.uri("/test/redirect?to=file:///etc/passwd")))
                .isInstanceOf(FetchException.class).hasMessageContaining("only http and https");
    }

    @Test
    void aStrictGuardRefusesTheLoopbackFixtureWithoutSendingAnything() {
        long before = site.requests().size();
        PageFetcher strict = fetcher(new UrlGuard(false)::resolve);
        assertThatThrownBy(() -> strict.get(site.uri("/seoul/food/index.html")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(RefusedUrlException.NOT_ALLOWED)
                .rootCause().isInstanceOfSatisfying(RefusedUrlException.class,
                        refused -> assertThat(refused.rule()).contains("loopback (127.0.0.0/8)"));
        assertThat(site.requests()).hasSize((int) before);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void readsTheCharsetFromContentType() {
        assertThat(PageFetcher.charsetOf("text/html; charset=\"EUC-KR\"")).isEqualTo("EUC-KR");
        assertThat(PageFetcher.charsetOf("text/html")).isNull();
    }
}
