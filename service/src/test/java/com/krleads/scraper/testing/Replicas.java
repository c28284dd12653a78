package com.krleads.scraper.testing;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.db.DatabaseMigrations;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Several replicas of the application in one JVM, on one shared database, without workers. */
public final class Replicas {
    private Replicas() {
    }

    /**
     * A started replica. Each reads its overrides under a prefix of its own: they are system
     * properties, restored in turn, so two replicas never see each other's.
     */
    public static DropwizardTestSupport<LeadScraperConfiguration> start(String prefix, DataSourceFactory database) {
        DropwizardTestSupport<LeadScraperConfiguration> app = new DropwizardTestSupport<>(LeadScraperApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), prefix,
                ConfigOverride.config(prefix, "database.driverClass", database.getDriverClass()),
                ConfigOverride.config(prefix, "database.url", database.getUrl()),
                ConfigOverride.config(prefix, "database.user", database.getUser()),
                ConfigOverride.config(prefix, "worker.enabled", "false"));
        try {
            app.before();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return app;
    }

    /** The shared database with the schema applied, for the test's own reads and writes. */
    public static Jdbi migrated(DataSourceFactory database) {
        DataSource dataSource = database.build(new com.codahale.metrics.MetricRegistry(), "setup");
        DatabaseMigrations.migrate(dataSource);
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }
}
