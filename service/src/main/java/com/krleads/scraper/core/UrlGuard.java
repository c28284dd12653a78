package com.krleads.scraper.core;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether the scraper may fetch a URL: only http and https without credentials, and
 * unless private addresses are allowed, every address the host resolves to must pass
 * {@link AddressRules}. {@link #resolve} resolves once and returns exactly the addresses it
 * checked: the fetcher connects to those and resolves nothing itself, so an answer that changes
 * between the check and the connection (DNS rebinding) cannot reach a private address.
 * Refusals name the rule, never the address a name resolved to.
 */
public final class UrlGuard {
    private final boolean allowPrivateAddresses;
    private final HostResolver resolver;

    public UrlGuard(boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, HostResolver.SYSTEM);
    }

    public UrlGuard(boolean allowPrivateAddresses, HostResolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.resolver = resolver;
    }

    /** Checks scheme and host, then resolves the host and checks every address; returns them. */
    public InetAddress[] check(URI uri) throws RefusedUrlException {
        checkSyntax(uri);
        return resolve(uri.getHost());
    }

    /** Resolves {@code host} once and checks every address; the caller connects only to these. */
    public InetAddress[] resolve(String host) throws RefusedUrlException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("host does not resolve: " + bare);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedUrlException("host does not resolve: " + bare);
        }
        for (InetAddress address : addresses) {
            checkAddress(address);
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

    public void checkAddress(InetAddress address) throws RefusedUrlException {
        if (allowPrivateAddresses) {
            return;
        }
        String rule = AddressRules.refusal(address);
        if (rule != null) {
            throw new RefusedUrlException("the host resolves to a refused address: " + rule
                    + "; set scraper.allowPrivateAddresses to fetch it");
        }
    }
}
