package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.scraper.config.ScraperConfig;
import com.krleads.scraper.core.net.HostResolver;
import com.krleads.scraper.core.net.RefusedUrlException;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.TestConfigs;
import io.dropwizard.util.Duration;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fetcher connects to the addresses the guard resolved and checked, and resolves nothing
 * on its own: a name whose answer turns from public to loopback after the check (DNS
 * rebinding) never brings a request to loopback, on the first request or on a redirect.
 */
class GuardedConnectionTest {
    /**
     * The first answer, standing in for a public address that passed the check: a loopback
     * alias where nothing listens, so a connection to it is refused at once on any machine and
     * no packet leaves this one (the fixture site listens on 127.0.0.1 only).
     */
    private static final String CHECKED_ANSWER = "127.0.0.2";
    private static FixtureSite site;
    private final ScraperConfig config = TestConfigs.scraper(false);

    @BeforeAll
    static void startSite() throws Exception {
        site = FixtureSite.start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    /**
     * Answers {@code localhost} with the checked address once, then with the fixture site's
     * loopback address, as a rebinding DNS server would; the system resolver, had anything
     * asked it, answers the site's address too.
     */
    private static final class RebindingResolver implements HostResolver {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals("localhost")) {
                return InetAddress.getAllByName(host);
            }
            String answer = lookups.getAndIncrement() == 0 ? CHECKED_ANSWER : "127.0.0.1";
            return new InetAddress[] {InetAddress.getByName(answer)};
        }
    }

    private PageFetcher fetcher(PageFetcher.HostCheck check) {
        config.maxRetries = 0;
        config.connectTimeout = Duration.milliseconds(300);
        config.readTimeout = Duration.seconds(5);
        return new PageFetcher(config, check, d -> { });
    }

    @Test
    void theClientConnectsWhereTheGuardResolved() throws Exception {
        HostResolver table = host -> host.equals("directory.test")
                ? new InetAddress[] {InetAddress.getByName("127.0.0.1")} : InetAddress.getAllByName(host);
        PageFetcher fetcher = fetcher(new UrlGuard(true, table)::resolve);
        URI uri = URI.create("http://directory.test:" + site.uri("/").getPort() + FixtureSite.START_PATH);
        assertThat(fetcher.get(uri).status()).isEqualTo(200);
    }

    /**
     * A check that lets the first answer through, as the guard lets a public address through;
     * the guard's own refusal of loopback is {@link UrlGuardTest}'s.
     */
    private static PageFetcher.HostCheck passesFirstAnswer(RebindingResolver dns) {
        return host -> {
            try {
                InetAddress[] answer = dns.resolve(host);
                if (answer[0].getHostAddress().equals(CHECKED_ANSWER)) {
                    return answer;
                }
            } catch (UnknownHostException e) {
                // refused below, as the guard refuses a name that does not resolve
            }
            throw new RefusedUrlException(host + " is refused by the check");
        };
    }

    @Test
    void aNameRebindingAfterTheCheckIsNeverResolvedAgain() {
        RebindingResolver dns = new RebindingResolver();
        PageFetcher fetcher = fetcher(passesFirstAnswer(dns));
        String path = "/seoul/food/page2.html?rebinding=first";
        long before = site.requests().size();

        assertThatThrownBy(() -> fetcher.get(URI.create("http://localhost:" + site.uri("/").getPort() + path)))
                .isInstanceOf(FetchException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(dns.lookups).hasValue(1);
        assertThat(site.requests()).hasSize((int) before);
    }

    @Test
    void aRedirectToARebindingNameNeverReachesTheSecondAnswer() {
        RebindingResolver dns = new RebindingResolver();
        PageFetcher.HostCheck rebinding = passesFirstAnswer(dns);
        UrlGuard fixtureOnly = new UrlGuard(true);
        PageFetcher fetcher = fetcher(host -> host.equals("127.0.0.1") ? fixtureOnly.resolve(host) : rebinding.resolve(host));
        String target = "http://localhost:" + site.uri("/").getPort() + "/seoul/food/page3.html?rebinding=redirect";

        assertThatThrownBy(() -> fetcher.get(site.uri("/test/redirect?to=" + target)))
                .isInstanceOf(FetchException.class)
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(dns.lookups).hasValue(1);
        assertThat(site.requestedPaths()).contains("/test/redirect").doesNotContain("/seoul/food/page3.html");
    }

    @Test
    void aRefusalSaysOneGenericSentenceAndKeepsTheRuleForTheLog() {
        HostResolver internal = host -> new InetAddress[] {InetAddress.getByName("10.20.30.40")};
        PageFetcher fetcher = fetcher(new UrlGuard(false, internal)::resolve);
        assertThatThrownBy(() -> fetcher.get(URI.create("http://internal-db.corp/")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining(RefusedUrlException.NOT_ALLOWED)
                .hasMessageNotContaining("10.20.30.40").hasMessageNotContaining("private")
                .rootCause().isInstanceOfSatisfying(RefusedUrlException.class,
                        refused -> assertThat(refused.rule()).contains("private (10.0.0.0/8)"));
    }
}
