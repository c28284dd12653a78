package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.net.RefusedUrlException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to turn a host into addresses: every connection goes to an address
 * the guard has just resolved and checked, and to nothing else.
 */
final class GuardedDnsResolver implements DnsResolver {

    /** The guard refused the host; carries the guard's refusal (the rule) and is never retried. */
    static final class RefusedHostException extends UnknownHostException {
        RefusedHostException(RefusedUrlException refusal) {
            super(refusal.getMessage());
            initCause(refusal);
        }
    }

    private final PageFetcher.HostCheck hostCheck;

    GuardedDnsResolver(PageFetcher.HostCheck hostCheck) {
        this.hostCheck = hostCheck;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        try {
            return hostCheck.resolve(host);
        } catch (RefusedUrlException e) {
            throw new RefusedHostException(e);
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
