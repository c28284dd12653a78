package com.krleads.scraper.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned schema migrations; the same files serve H2 and PostgreSQL. On
 * PostgreSQL the migrations under {@link #POSTGRESQL_LOCATION} run too (indexes H2 cannot build).
 */
public final class DatabaseMigrations {
    public static final String LOCATION = "classpath:db/migration";
    public static final String POSTGRESQL_LOCATION = "classpath:db/postgresql";

    private DatabaseMigrations() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    public static Flyway flyway(DataSource dataSource) {
        String[] locations = isPostgres(dataSource) ? new String[] {LOCATION, POSTGRESQL_LOCATION}
                : new String[] {LOCATION};
        return Flyway.configure().dataSource(dataSource).locations(locations).load();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database product name", e);
        }
    }
}
