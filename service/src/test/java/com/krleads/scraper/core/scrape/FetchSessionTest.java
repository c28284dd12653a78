package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.scraper.core.net.HostPacer;
import com.krleads.scraper.core.net.LocalHostPacer;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.testing.FixtureSite;
import com.krleads.scraper.testing.TestConfigs;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetchSessionTest {
    private FixtureSite site;
    private PageFetcher fetcher;

    @BeforeEach
    void startSite() throws Exception {
        site = FixtureSite.start();
        fetcher = new PageFetcher(TestConfigs.scraper(true), new UrlGuard(true)::resolve, d -> { });
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void readsRobotsOncePerHostAndNeverRequestsADisallowedPath() throws Exception {
        FetchSession session = new FetchSession(fetcher, 0);
        session.fetch(site.uri("/seoul/food/index.html"));
        session.fetch(site.uri("/seoul/food/page2.html"));
        assertThatThrownBy(() -> session.fetch(site.uri("/private/page4.html")))
                .isInstanceOf(RobotsDisallowedException.class).hasMessageContaining("/private/page4.html");
        assertThat(site.requestedPaths()).containsExactly("/robots.txt", "/seoul/food/index.html", "/seoul/food/page2.html");
    }

    @Test
    void aRedirectIntoADisallowedPathIsNotFollowed() {
        FetchSession session = new FetchSession(fetcher, 0);
        assertThatThrownBy(() -> session.fetch(site.uri("/test/redirect?to=/private/page4.html")))
                .isInstanceOf(RobotsDisallowedException.class).hasMessageContaining("/private/page4.html");
        assertThat(site.requestedPaths()).containsExactly("/robots.txt", "/test/redirect");
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        site.hideRobots(true);
        FetchSession session = new FetchSession(fetcher, 0);
        FetchedPage page = session.fetch(site.uri("/private/page4.html"));
        assertThat(page.text()).contains("비공개 업체");
        assertThat(site.requestedPaths()).containsExactly("/robots.txt", "/private/page4.html");
    }

    /**
     * The delay holds between the moments requests may start, so each request reaches the site no
     * earlier than the first reservation plus its share of delays. A lower bound only: a slow
     * machine makes requests later, never earlier, so the test does not depend on its speed
     * (gaps between arrivals do: a request that was slow to connect shortens the next gap).
     */
    @Test
    void waitsThePolitenessDelayBetweenRequestsToTheSameHost() throws Exception {
        AtomicLong firstReservedNanos = new AtomicLong();
        AtomicInteger reservations = new AtomicInteger();
        HostPacer local = new LocalHostPacer(Clock.systemUTC());
        HostPacer recording = (host, spacing) -> {
            firstReservedNanos.compareAndSet(0, System.nanoTime());
            reservations.incrementAndGet();
            return local.reserve(host, spacing);
        };
        FetchSession session = new FetchSession(fetcher, 120, recording);
        session.fetch(site.uri("/seoul/food/index.html"));
        session.fetch(site.uri("/seoul/food/page2.html"));
        List<FixtureSite.Request> requests = site.requests();
        assertThat(requests).hasSize(3);
        assertThat(reservations).hasValue(3);
        for (int i = 1; i < requests.size(); i++) {
            long sinceFirstMillis = (requests.get(i).nanoTime() - firstReservedNanos.get()) / 1_000_000;
            assertThat(sinceFirstMillis).as("request %d after the first reservation", i).isGreaterThanOrEqualTo(i * 120L - 1);
        }
    }

    @Test
    void aRobotsTxtOverTheLimitIsParsedUpToTheLimit() throws Exception {
        StringBuilder robots = new StringBuilder("User-agent: *\nDisallow: /private/\n");
        while (robots.length() < RobotsRules.MAX_BYTES + 64 * 1024) {
            robots.append("# ").append("padding ".repeat(10)).append('\n');
        }
        robots.append("Disallow: /seoul/\n");
        site.serve("/robots.txt", "text/plain; charset=UTF-8", robots.toString());
        FetchSession session = new FetchSession(fetcher, 0);

        assertThat(session.fetch(site.uri("/seoul/food/index.html")).text()).contains("listing");
        assertThatThrownBy(() -> session.fetch(site.uri("/private/page4.html")))
                .isInstanceOf(RobotsDisallowedException.class);
    }
}
