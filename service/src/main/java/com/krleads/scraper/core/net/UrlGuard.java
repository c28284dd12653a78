package com.krleads.scraper.core.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the scraper may fetch a URL: only http and https without credentials, and
 * unless private addresses are allowed, only an allowed port and every address the host
 * resolves to must pass {@link AddressRules}. {@link #resolve} resolves once and returns exactly
 * the addresses it checked: the fetcher connects to those and resolves nothing itself, so an
 * answer that changes between the check and the connection (DNS rebinding) cannot reach a
 * private address. An address, name or port refusal says {@link RefusedUrlException#NOT_ALLOWED}
 * and nothing more; the log names the host and the rule.
 */
public final class UrlGuard {
    /** The ports a production scraper may fetch when the configuration names none. */
    public static final Set<Integer> DEFAULT_PORTS = Set.of(80, 443, 8080, 8443);

    private static final Logger LOG = LoggerFactory.getLogger(UrlGuard.class);

    private final boolean allowPrivateAddresses;
    private final Set<Integer> allowedPorts;
    private final HostResolver resolver;

    public UrlGuard(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, HostResolver.SYSTEM);
    }

    public UrlGuard(boolean allowPrivateAddresses, HostResolver resolver) {
        this(allowPrivateAddresses, DEFAULT_PORTS, resolver);
    }

    /** With private addresses allowed (development, tests) every port is too. */
    public UrlGuard(boolean allowPrivateAddresses, Set<Integer> allowedPorts, HostResolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowedPorts = Set.copyOf(allowedPorts);
        this.resolver = resolver;
    }

    /** Checks scheme, host and port, then resolves the host and checks every address; returns them. */
    public InetAddress[] check(URI uri) throws RefusedUrlException {
        checkUrl(uri);
        return resolve(uri.getHost());
    }

    /** Scheme, host and port, without DNS: what the fetcher checks before every request and redirect. */
    public void checkUrl(URI uri) throws RefusedUrlException {
        checkSyntax(uri);
        if (allowPrivateAddresses) {
            return;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (!allowedPorts.contains(port)) {
            throw refused(uri.getHost(), "port " + port + " is not in scraper.allowedPorts " + allowedPorts);
        }
    }

    /** Resolves {@code host} once and checks every address; the caller connects only to these. */
    public InetAddress[] resolve(String host) throws RefusedUrlException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw refused(bare, "the host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw refused(bare, "the host does not resolve");
        }
        for (InetAddress address : addresses) {
            checkAddress(bare, address);
        }
        return addresses;
    }

    /** Checks scheme and host only, without DNS. */
    public static void checkSyntax(URI uri) throws RefusedUrlException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https URLs are allowed, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedUrlException("the URL has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedUrlException("URLs with credentials are not allowed");
        }
    }

    public void checkAddress(String host, InetAddress address) throws RefusedUrlException {
        if (allowPrivateAddresses) {
            return;
        }
        String rule = AddressRules.refusal(address);
        if (rule != null) {
            throw refused(host, "it resolves to a refused address: " + rule
                    + " (scraper.allowPrivateAddresses fetches it)");
        }
    }

    private static RefusedUrlException refused(String host, String rule) {
        LOG.info("URL guard refused host {}: {}", host, rule);
        return RefusedUrlException.notAllowed(rule);
    }
}
