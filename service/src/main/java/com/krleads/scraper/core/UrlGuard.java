package com.krleads.scraper.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether the scraper may fetch a URL. Only http and https; and unless private
 * addresses are allowed, every address the host resolves to must be public: no loopback,
 * link-local (169.254/16, cloud metadata), private (10/8, 172.16/12, 192.168/16), CGNAT
 * (100.64/10), unique-local (fc00::/7), unspecified or multicast address. The fetcher calls
 * {@link #check(URI)} again for every request and redirect, on the address actually resolved.
 */
public final class UrlGuard {
    private final boolean allowPrivateAddresses;

    public UrlGuard(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** Checks scheme and host, resolves the host and checks every address; returns them. */
    public InetAddress[] check(URI uri) throws RefusedUrlException {
        checkSyntax(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(hostOf(uri));
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("host does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            checkAddress(address);
        }
        return addresses;
    }

    /** Checks scheme and host only, without DNS. */
    public void checkSyntax(URI uri) throws RefusedUrlException {
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
        if (!allowPrivateAddresses && !isPublic(address)) {
            throw new RefusedUrlException("address " + address.getHostAddress()
                    + " is loopback, private or link-local; set scraper.allowPrivateAddresses to fetch it");
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean cgnat = first == 100 && second >= 64 && second <= 127;
            boolean zeroNet = first == 0;
            boolean broadcast = first == 255;
            return !(cgnat || zeroNet || broadcast);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isV4Mapped(b);
            if (mappedV4) {
                try {
                    byte[] v4 = {b[12], b[13], b[14], b[15]};
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return !uniqueLocal;
        }
        return false;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
