package com.krleads.scraper.testing;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;

/**
 * The application with test-config.yml on its own embedded PostgreSQL, waiting at most a second
 * for a connection (so a lost database shows at once), plus the caller's overrides.
 */
public final class AppOnPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final DropwizardTestSupport<LeadScraperConfiguration> app;
    private boolean databaseStopped;

    private AppOnPostgres(EmbeddedPostgres postgres, DropwizardTestSupport<LeadScraperConfiguration> app) {
        this.postgres = postgres;
        this.app = app;
    }

    public static AppOnPostgres start(ConfigOverride... overrides) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        List<ConfigOverride> all = new ArrayList<>(List.of(
                ConfigOverride.config("database.driverClass", "org.postgresql.Driver"),
                ConfigOverride.config("database.url", postgres.getJdbcUrl("postgres", "postgres")),
                ConfigOverride.config("database.user", "postgres"),
                ConfigOverride.config("database.password", ""),
                ConfigOverride.config("database.maxWaitForConnection", "1s")));
        all.addAll(List.of(overrides));
        DropwizardTestSupport<LeadScraperConfiguration> app = new DropwizardTestSupport<>(LeadScraperApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), all.toArray(ConfigOverride[]::new));
        try {
            app.before();
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        return new AppOnPostgres(postgres, app);
    }

    public DropwizardTestSupport<LeadScraperConfiguration> app() {
        return app;
    }

    /** The outage: the database stops under the running application. */
    public void stopDatabase() throws Exception {
        databaseStopped = true;
        postgres.close();
    }

    @Override
    public void close() throws Exception {
        try {
            app.after();
        } finally {
            if (!databaseStopped) {
                postgres.close();
            }
        }
    }
}
