package com.krleads.scraper.auth;

import com.krleads.scraper.config.AdminEndpointsConfig;
import com.krleads.scraper.metrics.PrometheusMetrics;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * An allow-list on the admin port: /metrics, /healthcheck, /ping and the liveness/readiness paths
 * always; the JSON metrics
 * view, the thread dump, the CPU profile and the tasks only when configured. Anything else is 404.
 */
public class AdminEndpointsFilter implements Filter {
    private static final String TASKS = "/tasks/";
    private final Set<String> allowed = new HashSet<>(Set.of("/metrics", "/healthcheck", "/ping"));
    private final boolean tasks;

    AdminEndpointsFilter(AdminEndpointsConfig config, String metricsJsonPath, Collection<String> healthPaths) {
        allowed.addAll(healthPaths);
        if (config.metricsJson) {
            allowed.add(metricsJsonPath);
            allowed.add("/");
            allowed.add("");
        }
        if (config.threadDump) {
            allowed.add("/threads");
        }
        if (config.cpuProfile) {
            allowed.add("/pprof");
        }
        this.tasks = config.tasks;
    }

    /** In front of everything on the admin port; {@code healthPaths}: where liveness and readiness answer. */
    public static void install(AdminEndpointsConfig config, Collection<String> healthPaths, Environment environment) {
        environment.admin().addFilter("admin-endpoints",
                        new AdminEndpointsFilter(config, PrometheusMetrics.JSON_PATH, healthPaths))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if (allowed.contains(path) || tasks && path.startsWith(TASKS)) {
            chain.doFilter(request, response);
        } else {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
