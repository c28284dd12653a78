package com.krleads.scraper.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {
    private final UrlGuard strict = new UrlGuard(false);
    private final UrlGuard permissive = new UrlGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "fc00::2",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"})
    void refusesNonPublicAddresses(String ip) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertThatThrownBy(() -> strict.checkAddress(address))
                .isInstanceOf(RefusedUrlException.class).hasMessageContaining(address.getHostAddress());
        assertThatCode(() -> permissive.checkAddress(address)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
    void acceptsPublicAddresses(String ip) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertThatCode(() -> strict.checkAddress(address)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.kr/x", "gopher://example.kr", "http:///nohost",
            "http://user:pw@example.kr/"})
    void refusesBadSchemesHostsAndCredentials(String url) {
        assertThatThrownBy(() -> permissive.checkSyntax(URI.create(url))).isInstanceOf(RefusedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/x", "http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/"})
    void resolvesHostBeforeDeciding(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url))).isInstanceOf(RefusedUrlException.class);
        assertThatCode(() -> permissive.check(URI.create(url))).doesNotThrowAnyException();
    }
}
