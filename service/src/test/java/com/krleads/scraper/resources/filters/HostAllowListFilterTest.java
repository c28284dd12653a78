package com.krleads.scraper.resources.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The names the filter answers besides loopback; the filter in a running application is in {@code SafeDefaultsIT}. */
class HostAllowListFilterTest {
    @Test
    void configuredNamesAreAnsweredOnAnyPort() {
        HostAllowListFilter filter = new HostAllowListFilter(List.of("Leads.Example.KR", "lb.internal"));
        assertThat(filter.allows("leads.example.kr")).isTrue();
        assertThat(filter.allows("lb.internal.")).isTrue();
        assertThat(filter.allows("example.kr")).isFalse();
        assertThat(filter.allows("leads.example.kr.evil.example")).isFalse();
    }

    /** What API_ALLOWED_HOSTS gives: one entry, names separated by commas; an empty one allows nothing more. */
    @Test
    void oneEntryMayNameSeveralHosts() {
        HostAllowListFilter filter = new HostAllowListFilter(List.of("haproxy, leads.example.kr", ""));
        assertThat(filter.allows("haproxy")).isTrue();
        assertThat(filter.allows("leads.example.kr")).isTrue();
        assertThat(filter.allows("")).isFalse();
        assertThat(filter.allows("example.kr")).isFalse();
    }
}
