package com.krleads.scraper.core.verify;

import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * MX lookup through the JDK's JNDI DNS provider. The provider's initial timeout and retries are
 * set for each lookup so that it stays near the time it is given; {@code dnsServerUrl} (e.g.
 * {@code dns://192.0.2.53}) picks a server, null uses the system's resolvers.
 */
public final class JndiMxLookup implements MxLookup {
    private static final int RETRIES = 2;

    private final Hashtable<String, String> base = new Hashtable<>();

    public JndiMxLookup(String dnsServerUrl) {
        base.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        if (dnsServerUrl != null && !dnsServerUrl.isBlank()) {
            base.put("java.naming.provider.url", dnsServerUrl);
        }
    }

    /**
     * JNDI has no asynchronous lookup and overshoots its own timeouts (it may send a query per
     * record type), so each lookup runs on a daemon thread of its own and the caller waits exactly
     * {@code timeout}. A thread left behind ends when JNDI gives up, a few timeouts later.
     */
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "mx-lookup");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Answer lookup(String domain, Duration timeout) {
        Future<Answer> answer = LOOKUPS.submit(() -> ask(domain, timeout));
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Answer.UNKNOWN;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Answer.UNKNOWN;
        } catch (ExecutionException e) {
            return Answer.UNKNOWN;
        }
    }

    private Answer ask(String domain, Duration timeout) {
        Hashtable<String, String> environment = new Hashtable<>(base);
        // The provider doubles its timeout on each retry: t + 2t = total.
        long initial = Math.max(50, timeout.toMillis() / (1 + 2));
        environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(initial));
        environment.put("com.sun.jndi.dns.timeout.retries", Integer.toString(RETRIES));
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
