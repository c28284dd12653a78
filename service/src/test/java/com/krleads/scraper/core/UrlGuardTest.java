package com.krleads.scraper.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {
    private final UrlGuard strict = new UrlGuard(false);
    private final UrlGuard permissive = new UrlGuard(true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1          | loopback (127.0.0.0/8)
            10.1.2.3           | private (10.0.0.0/8)
            172.16.0.1         | private (172.16.0.0/12)
            172.31.255.255     | private (172.16.0.0/12)
            192.168.1.1        | private (192.168.0.0/16)
            169.254.169.254    | link-local (169.254.0.0/16)
            100.64.0.1         | shared carrier-grade NAT (100.64.0.0/10)
            0.0.0.0            | this-network (0.0.0.0/8)
            198.18.0.1         | benchmarking (198.18.0.0/15)
            198.19.255.254     | benchmarking (198.18.0.0/15)
            192.0.0.170        | IETF protocol assignments (192.0.0.0/24)
            240.0.0.1          | reserved (240.0.0.0/4)
            255.255.255.254    | reserved (240.0.0.0/4)
            255.255.255.255    | broadcast (255.255.255.255)
            224.0.0.1          | multicast (224.0.0.0/4)
            239.255.255.250    | multicast (224.0.0.0/4)
            ::1                | loopback (::1)
            ::                 | unspecified (::)
            fe80::1            | link-local (fe80::/10)
            fec0::1            | site-local (fec0::/10)
            fd00::1            | unique-local (fc00::/7)
            fc00::2            | unique-local (fc00::/7)
            ff02::1            | multicast (ff00::/8)
            ::ffff:127.0.0.1   | loopback (127.0.0.0/8)
            ::ffff:10.0.0.1    | private (10.0.0.0/8)
            ::127.0.0.1        | IPv4-compatible (::/96) carrying a loopback (127.0.0.0/8) address
            ::169.254.169.254  | IPv4-compatible (::/96) carrying a link-local (169.254.0.0/16) address
            64:ff9b::7f00:1    | NAT64 (64:ff9b::/96) carrying a loopback (127.0.0.0/8) address
            64:ff9b::a9fe:a9fe | NAT64 (64:ff9b::/96) carrying a link-local (169.254.0.0/16) address
            64:ff9b:1::1       | local-use NAT64 (64:ff9b:1::/48)
            2002:7f00:1::1     | 6to4 (2002::/16) carrying a loopback (127.0.0.0/8) address
            2002:c0a8:101::    | 6to4 (2002::/16) carrying a private (192.168.0.0/16) address
            """)
    void refusesNonPublicAddressesNamingTheRuleNotTheAddress(String ip, String rule) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertThat(AddressRules.refusal(address)).isEqualTo(rule);
        assertThatThrownBy(() -> strict.checkAddress(address))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessage("the host resolves to a refused address: " + rule
                        + "; set scraper.allowPrivateAddresses to fetch it");
        assertThatCode(() -> permissive.checkAddress(address)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "198.20.0.1", "192.0.1.1",
            "223.255.255.255", "203.0.113.10", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1",
            "::8.8.8.8", "::ffff:8.8.8.8"})
    void acceptsPublicAddresses(String ip) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertThat(AddressRules.refusal(address)).isNull();
        assertThatCode(() -> strict.checkAddress(address)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.kr/x", "gopher://example.kr", "http:///nohost",
            "http://user:pw@example.kr/"})
    void refusesBadSchemesHostsAndCredentials(String url) {
        assertThatThrownBy(() -> UrlGuard.checkSyntax(URI.create(url))).isInstanceOf(RefusedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/x", "http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
            "http://[64:ff9b::7f00:1]/", "http://[2002:a00:1::]/"})
    void resolvesHostBeforeDeciding(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url))).isInstanceOf(RefusedUrlException.class);
        assertThatCode(() -> permissive.check(URI.create(url))).doesNotThrowAnyException();
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsAndTheMessageKeepsTheAddressesSecret() {
        HostResolver corp = host -> new InetAddress[] {
            InetAddress.getByName("203.0.113.9"), InetAddress.getByName("10.20.30.40")};
        UrlGuard guard = new UrlGuard(false, corp);
        assertThatThrownBy(() -> guard.check(URI.create("http://internal-db.corp/")))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("private (10.0.0.0/8)")
                .hasMessageNotContaining("10.20.30.40")
                .hasMessageNotContaining("203.0.113.9");
    }

    @Test
    void resolvesOnceAndReturnsWhatItChecked() throws Exception {
        List<String> lookups = new ArrayList<>();
        InetAddress answer = InetAddress.getByName("203.0.113.9");
        UrlGuard guard = new UrlGuard(false, host -> {
            lookups.add(host);
            return new InetAddress[] {answer};
        });
        assertThat(guard.check(URI.create("http://directory.test/list"))).containsExactly(answer);
        assertThat(lookups).containsExactly("directory.test");
    }
}
