package com.krleads.scraper.auth;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.scraper.auth.ApiKeyFile.Contents;
import com.krleads.scraper.config.AuthConfig;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.TaskBoundary;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.setup.Environment;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires API-key authentication into Jersey: Dropwizard's bearer filter on every resource method
 * that carries {@code @RolesAllowed}, Jersey's role check, JSON 401 and 403, and the periodic
 * re-read of the keys file. Refuses to start when authentication is on and no key is usable.
 */
public final class ApiAuth {
    public static final String SCHEME = "Bearer";
    public static final String REALM = "kr-lead-scraper";
    private static final Logger LOG = LoggerFactory.getLogger(ApiAuth.class);
    private static final String CREATE_KEY = "create one with 'java -jar kr-lead-scraper.jar keys new operator' "
            + "and put the line it prints in the keys file";

    private ApiAuth() {
    }

    public static void install(AuthConfig config, Environment environment, PipelineEvents events) {
        if (!config.enabled) {
            LOG.warn("API authentication is off (auth.enabled=false): whoever reaches the API port can use it");
            return;
        }
        ApiKeyAuthenticator authenticator = loadAtStartup(config);
        environment.jersey().register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<ApiKey>()
                .setAuthenticator(authenticator)
                .setAuthorizer(new RoleAuthorizer())
                .setPrefix(SCHEME)
                .setRealm(REALM)
                .setUnauthorizedHandler(new BearerUnauthorizedHandler())
                .buildAuthFilter()));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new ForbiddenMapper());
        environment.jersey().register(new TokenInUrlFilter());

        long every = config.reloadInterval.toMilliseconds();
        ScheduledExecutorService reloads = environment.lifecycle().scheduledExecutorService("api-keys-reload")
                .threads(1).build();
        reloads.scheduleWithFixedDelay(TaskBoundary.guarded(BackgroundTask.KEYS_RELOAD, events,
                "Re-reading the API keys file", authenticator::reloadQuietly), every, every, TimeUnit.MILLISECONDS);
    }

    /** The keys as the service starts with them; an exception that says what to do when none is usable. */
    static ApiKeyAuthenticator loadAtStartup(AuthConfig config) {
        if (config.keysFile == null || config.keysFile.isBlank()) {
            throw new IllegalStateException("API authentication is on (auth.enabled) but no keys file is set: "
                    + "set auth.keysFile (API_KEYS_FILE) to a file of API keys; " + CREATE_KEY
                    + ". For a local trial only, AUTH_ENABLED=false turns authentication off.");
        }
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(Path.of(config.keysFile));
        Contents contents = authenticator.reload();
        if (!contents.exists()) {
            throw new IllegalStateException("API authentication is on but the keys file " + config.keysFile
                    + " (auth.keysFile, API_KEYS_FILE) does not exist; " + CREATE_KEY + ".");
        }
        if (contents.keys().isEmpty()) {
            throw new IllegalStateException("API authentication is on but the keys file " + config.keysFile
                    + " holds no key" + (contents.badLines().isEmpty() ? ""
                    : " (lines " + contents.badLines() + " are not '<reader|operator> <sha256 hex>')")
                    + "; " + CREATE_KEY + ".");
        }
        return authenticator;
    }
}
