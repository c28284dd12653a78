package com.krleads.scraper.core.net;

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
    /** Address literals and localhost only: no test here asks the machine's DNS anything. */
    private static final HostResolver NO_DNS = host -> {
        if (host.equalsIgnoreCase("localhost")) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        if (host.contains(":") || host.matches("[0-9.]+")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new java.net.UnknownHostException(host);
    };
    private final UrlGuard strict = new UrlGuard(false, NO_DNS);
    private final UrlGuard permissive = new UrlGuard(true, NO_DNS);

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
            ::ffff:0:127.0.0.1 | IPv4-translated (::ffff:0:0:0/96)
            ::ffff:0:8.8.8.8   | IPv4-translated (::ffff:0:0:0/96)
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo (2001::/32)
            2001::1            | Teredo (2001::/32)
            168.63.129.16      | cloud metadata (168.63.129.16)
            fd00:ec2::254      | cloud metadata (fd00:ec2::254)
            """)
    void refusesNonPublicAddressesNamingTheRuleNotTheAddress(String ip, String rule) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertThat(AddressRules.refusal(address)).isEqualTo(rule);
        assertThatThrownBy(() -> strict.checkAddress("a-host", address))
                .isInstanceOfSatisfying(RefusedUrlException.class, refused -> {
                    assertThat(refused.getMessage()).isEqualTo(RefusedUrlException.NOT_ALLOWED);
                    assertThat(refused.rule()).contains(rule);
                });
        assertThatCode(() -> permissive.checkAddress("a-host", address)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "198.20.0.1", "192.0.1.1",
            "223.255.255.255", "203.0.113.10", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1",
            "::8.8.8.8", "::ffff:8.8.8.8", "2001:db9::1", "2001:1::1", "168.63.129.17"})
    void acceptsPublicAddresses(String ip) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertThat(AddressRules.refusal(address)).isNull();
        assertThatCode(() -> strict.checkAddress("a-host", address)).doesNotThrowAnyException();
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
                .isInstanceOfSatisfying(RefusedUrlException.class, refused -> {
                    assertThat(refused.getMessage()).isEqualTo(RefusedUrlException.NOT_ALLOWED);
                    assertThat(refused.rule()).contains("private (10.0.0.0/8)")
                            .doesNotContain("10.20.30.40").doesNotContain("203.0.113.9");
                });
    }

    /** A name that does not resolve and a private one get the same answer: nobody probes internal DNS. */
    @Test
    void anUnresolvedNameAndAPrivateAddressGetOneAndTheSameRefusal() {
        HostResolver table = host -> {
            if (host.equals("intranet.corp")) {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 5})};
            }
            throw new java.net.UnknownHostException(host);
        };
        UrlGuard guard = new UrlGuard(false, table);
        Throwable privateName = org.assertj.core.api.Assertions.catchThrowable(
                () -> guard.check(URI.create("http://intranet.corp/")));
        Throwable unknownName = org.assertj.core.api.Assertions.catchThrowable(
                () -> guard.check(URI.create("http://nothing.corp/")));
        assertThat(privateName).isInstanceOf(RefusedUrlException.class);
        assertThat(unknownName).isInstanceOf(RefusedUrlException.class);
        assertThat(privateName.getMessage()).isEqualTo(unknownName.getMessage()).isEqualTo(RefusedUrlException.NOT_ALLOWED);
        assertThat(((RefusedUrlException) privateName).rule()).isNotEqualTo(((RefusedUrlException) unknownName).rule());
    }

    @ParameterizedTest
    @CsvSource({"http://example.kr/, true", "https://example.kr/, true", "http://example.kr:8080/, true",
            "https://example.kr:8443/, true", "http://example.kr:443/, true", "http://example.kr:22/, false",
            "http://example.kr:6379/, false", "https://example.kr:9200/, false", "http://example.kr:80/, true"})
    void inProductionOnlyTheAllowedPortsAreFetched(String url, boolean allowed) {
        UrlGuard production = new UrlGuard(false, UrlGuard.DEFAULT_PORTS, host -> new InetAddress[0]);
        if (allowed) {
            assertThatCode(() -> production.checkUrl(URI.create(url))).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> production.checkUrl(URI.create(url)))
                    .isInstanceOfSatisfying(RefusedUrlException.class, refused -> {
                        assertThat(refused.getMessage()).isEqualTo(RefusedUrlException.NOT_ALLOWED);
                        assertThat(refused.rule()).contains("scraper.allowedPorts");
                    });
        }
        assertThatCode(() -> permissive.checkUrl(URI.create(url))).doesNotThrowAnyException();
    }

    @Test
    void theAllowedPortsAreConfigurable() {
        UrlGuard onlyTls = new UrlGuard(false, java.util.Set.of(443), host -> new InetAddress[0]);
        assertThatCode(() -> onlyTls.checkUrl(URI.create("https://example.kr/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> onlyTls.checkUrl(URI.create("http://example.kr/"))).isInstanceOf(RefusedUrlException.class);
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
