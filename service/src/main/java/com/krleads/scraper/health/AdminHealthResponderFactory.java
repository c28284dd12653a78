package com.krleads.scraper.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.health.DefaultHealthFactory;
import io.dropwizard.health.HealthEnvironment;
import io.dropwizard.health.response.HealthResponderFactory;
import io.dropwizard.health.response.HealthResponseProvider;
import io.dropwizard.health.response.ServletHealthResponder;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.jetty.setup.ServletEnvironment;
import jakarta.servlet.Servlet;
import java.util.Collection;
import java.util.List;

/**
 * Dropwizard's health servlet ({@code /health-check?type=alive|ready}) on the admin port instead of
 * the application port: Dropwizard hands a responder only the application's servlets, so this one
 * keeps the servlet it builds and {@link #install} mounts it on the admin port, next to
 * {@code /healthcheck} and {@code /metrics}, where the balancer and Prometheus already look.
 * Selected in the configuration with {@code health.responder.type: admin-servlet}.
 */
@JsonTypeName("admin-servlet")
public class AdminHealthResponderFactory implements HealthResponderFactory {
    @JsonProperty
    public String cacheControlValue = "no-store";

    private Servlet servlet;
    private List<String> paths = List.of();

    @Override
    public void configure(String name, Collection<String> urlPaths, HealthResponseProvider provider,
                          HealthEnvironment health, JerseyEnvironment jersey, ServletEnvironment servlets,
                          ObjectMapper mapper) {
        this.servlet = new ServletHealthResponder(provider, true, cacheControlValue);
        this.paths = List.copyOf(urlPaths);
    }

    /** The health paths on the admin port, when the configuration selects this responder. */
    public static List<String> install(Configuration config, Environment environment) {
        return config.getHealthFactory()
                .filter(DefaultHealthFactory.class::isInstance).map(DefaultHealthFactory.class::cast)
                .filter(DefaultHealthFactory::isEnabled)
                .map(DefaultHealthFactory::getHealthResponderFactory)
                .filter(AdminHealthResponderFactory.class::isInstance).map(AdminHealthResponderFactory.class::cast)
                .filter(factory -> factory.servlet != null)
                .map(factory -> factory.mountOn(environment))
                .orElse(List.of());
    }

    private List<String> mountOn(Environment environment) {
        environment.admin().addServlet("health-check", servlet).addMapping(paths.toArray(String[]::new));
        return paths;
    }
}
