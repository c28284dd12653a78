package com.krleads.scraper.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the versioned schema migrations; the same files serve H2 and PostgreSQL. */
public final class DatabaseMigrations {
    public static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).load();
    }
}
