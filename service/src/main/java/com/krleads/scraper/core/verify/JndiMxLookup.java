package com.krleads.scraper.core.verify;

import java.time.Duration;
import java.util.Hashtable;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * MX lookup through the JDK's JNDI DNS provider. The provider's initial timeout and retries are
 * set so that one lookup stays near {@code timeout}; {@code dnsServerUrl} (e.g.
 * {@code dns://192.0.2.53}) picks a server, null uses the system's resolvers.
 */
public final class JndiMxLookup implements MxLookup {
    private static final int RETRIES = 2;

    private final Hashtable<String, String> environment = new Hashtable<>();

    public JndiMxLookup(Duration timeout, String dnsServerUrl) {
        environment.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        // The provider doubles its timeout on each retry: t + 2t = total.
        long initial = Math.max(50, timeout.toMillis() / (1 + 2));
        environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(initial));
        environment.put("com.sun.jndi.dns.timeout.retries", Integer.toString(RETRIES));
        if (dnsServerUrl != null && !dnsServerUrl.isBlank()) {
            environment.put("java.naming.provider.url", dnsServerUrl);
        }
    }

    @Override
    public Answer lookup(String domain) {
        DirContext context = null;
        try {
            context = new InitialDirContext(environment);
            Attributes attributes = context.getAttributes(domain, new String[] {"MX", "A", "AAAA"});
            if (present(attributes.get("MX"))) {
                return Answer.MAIL_HOST;
            }
            // RFC 5321 5.1: without MX, the domain's own address is the mail host.
            return present(attributes.get("A")) || present(attributes.get("AAAA")) ? Answer.MAIL_HOST : Answer.NO_MAIL_HOST;
        } catch (NameNotFoundException nxdomain) {
            return Answer.NO_MAIL_HOST;
        } catch (NamingException | RuntimeException e) {
            return Answer.UNKNOWN;
        } finally {
            close(context);
        }
    }

    private static boolean present(Attribute attribute) {
        return attribute != null && attribute.size() > 0;
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException ignored) {
                // nothing held open worth reporting
            }
        }
    }
}
