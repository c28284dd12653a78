package com.krleads.scraper.resources.filters;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers only requests addressed to an allowed host: {@code localhost}, a loopback address, or
 * a configured name ({@code api.allowedHosts}), on any port. A browser sends the name the page
 * used, so a site whose name was rebound to this machine is refused here (421) whatever path
 * it asks. Only on the API port: the admin port is scraped by address.
 */
public class HostAllowListFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HostAllowListFilter.class);
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "::1", "0:0:0:0:0:0:0:1");

    private final Set<String> allowed;

    /** Each configured entry may hold several names separated by commas (one environment variable fills one entry). */
    public HostAllowListFilter(List<String> configured) {
        this.allowed = configured.stream().flatMap(entry -> java.util.Arrays.stream(entry.split(",")))
                .map(String::trim).filter(name -> !name.isEmpty())
                .map(HostAllowListFilter::normalize).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        // No Host at all is HTTP/1.0 from a tool, never a browser: nothing to rebind.
        if (http.getHeader("Host") == null || allows(http.getServerName())) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info("Refused a request to {} {} addressed to host '{}', not in api.allowedHosts", http.getMethod(),
                http.getRequestURI(), http.getServerName());
        HttpServletResponse refusal = (HttpServletResponse) response;
        refusal.setStatus(421);
        refusal.setContentType("application/json");
        refusal.getOutputStream().write(("{\"code\":\"host_not_allowed\",\"message\":\"this service does not answer "
                + "for the host named in the request; add it to api.allowedHosts\",\"field\":\"Host\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    boolean allows(String host) {
        String name = normalize(host);
        return LOOPBACK_NAMES.contains(name) || LOOPBACK_V4.matcher(name).matches() || allowed.contains(name);
    }

    private static String normalize(String host) {
        String name = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
