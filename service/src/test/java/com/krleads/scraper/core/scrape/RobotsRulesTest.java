package com.krleads.scraper.core.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {
    private static final String UA = "KRLeadScraper/0.1 (+https://example.kr/bot)";

    @Test
    void wildcardGroupWithLongestMatchAndAllowOnTies() {
        RobotsRules rules = RobotsRules.parse("""
                # comment
                User-agent: *
                Disallow: /private/
                Allow: /private/notice.html
                Disallow: /tmp
                Allow: /tmp
                Crawl-delay: 1
                """, UA);
        assertThat(rules.allows("/seoul/food/index.html")).isTrue();
        assertThat(rules.allows("/private/page4.html")).isFalse();
        assertThat(rules.allows("/private/")).isFalse();
        assertThat(rules.allows("/private/notice.html")).isTrue();
        assertThat(rules.allows("/tmp/x")).isTrue();
        assertThat(rules.allows("/privateer")).isTrue();
    }

    @Test
    void ourOwnGroupReplacesTheWildcardGroup() {
        String robots = """
                User-agent: *
                Disallow: /

                User-agent: OtherBot
                User-agent: krleadscraper
                Disallow: /admin
                """;
        RobotsRules ours = RobotsRules.parse(robots, UA);
        assertThat(ours.allows("/seoul")).isTrue();
        assertThat(ours.allows("/admin/users")).isFalse();
        RobotsRules someoneElse = RobotsRules.parse(robots, "CuriousCrawler/2.0");
        assertThat(someoneElse.allows("/seoul")).isFalse();
    }

    @Test
    void wildcardsAndEndAnchor() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /search*q=
                Allow: /search?page=
                """, UA);
        assertThat(rules.allows("/docs/menu.pdf")).isFalse();
        assertThat(rules.allows("/docs/menu.pdf?v=2")).isTrue();
        assertThat(rules.allows("/search?q=치킨")).isFalse();
        assertThat(rules.allows("/search?page=2")).isTrue();
    }

    @Test
    void emptyDisallowAndRulesBeforeAnyGroupAllowEverything() {
        RobotsRules rules = RobotsRules.parse("""
                Disallow: /
                User-agent: *
                Disallow:
                """, UA);
        assertThat(rules.allows("/anything")).isTrue();
        assertThat(RobotsRules.ALLOW_ALL.allows("/")).isTrue();
    }

    @Test
    void koreanPathsInRobotsMatchPercentEncodedRequests() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /회원/\n", UA);
        assertThat(rules.allows("/%ED%9A%8C%EC%9B%90/list")).isFalse();
        assertThat(rules.allows("/%EB%A7%9B%EC%A7%91/")).isTrue();
    }

    @Test
    void productTokenIsTheNameBeforeTheVersion() {
        assertThat(RobotsRules.productToken(UA)).isEqualTo("krleadscraper");
        assertThat(RobotsRules.productToken("my-bot_2 (x)")).isEqualTo("my-bot_2");
    }

    @Test
    void wildcardsMatchAnyRunAndTheAnchorOnlyTheEnd() {
        assertThat(RobotsPattern.of("/a*b*c").matches("/axxbyyczz")).isTrue();
        assertThat(RobotsPattern.of("/a*b*c").matches("/axxcyyb")).isFalse();
        assertThat(RobotsPattern.of("/a*c$").matches("/abcabc")).isTrue();
        assertThat(RobotsPattern.of("/a*c$").matches("/abcab")).isFalse();
        assertThat(RobotsPattern.of("/ab$").matches("/ab")).isTrue();
        assertThat(RobotsPattern.of("/ab$").matches("/abc")).isFalse();
        assertThat(RobotsPattern.of("*").matches("/anything")).isTrue();
        assertThat(RobotsPattern.of("/*$").matches("/")).isTrue();
        assertThat(RobotsPattern.of("/x**y").matches("/xy")).isTrue();
        assertThat(RobotsPattern.of("/aa*aa$").matches("/aaa")).isFalse();
        assertThat(RobotsPattern.of("/aa*aa$").matches("/aaaa")).isTrue();
    }

    @Test
    void aRuleBuiltToBacktrackIsJustAnotherRule() {
        // With a backtracking regex this pair never finishes; here it is a non-match like any other.
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /" + "*a".repeat(40) + "*b\n", UA);
        assertThat(rules.allows("/" + "a".repeat(60))).isTrue();
        assertThat(rules.allows("/" + "a".repeat(60) + "b")).isFalse();
    }

    @Test
    void aTruncatedRobotsTxtDropsItsLastPartialLine() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /private/\nAllow: /pri", UA, true);
        assertThat(rules.allows("/private/x")).isFalse();
        assertThat(rules.allows("/pri")).isTrue();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /private/\nAllow: /pri", UA, false).allows("/private/x"))
                .isFalse();
    }
}
