package com.krleads.scraper.testing;

import com.codahale.metrics.MetricRegistry;
import com.krleads.scraper.db.DatabaseMigrations;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.ConfigOverride;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A fresh, migrated database for one test: an in-memory H2 in PostgreSQL mode, or a new
 * database on the one embedded PostgreSQL server that all test classes share. Pools are
 * left open: each holds at most a few connections until the test JVM ends.
 */
public enum TestDatabase {
    H2, POSTGRES;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public Jdbi freshJdbi() {
        DataSource dataSource = freshDataSource();
        DatabaseMigrations.migrate(dataSource);
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    public DataSource freshDataSource() {
        // The production pool, so that tests pay for connections as the service does.
        return freshFactory().build(new MetricRegistry(), "database");
    }

    /** Overrides of test-config.yml that point the whole application at a fresh database. */
    public ConfigOverride[] appOverrides() {
        DataSourceFactory factory = freshFactory();
        return new ConfigOverride[] {
            ConfigOverride.config("database.driverClass", factory.getDriverClass()),
            ConfigOverride.config("database.url", factory.getUrl()),
            ConfigOverride.config("database.user", factory.getUser())};
    }

    /** The environment variables of config.yml that point a child process at a fresh database. */
    public Map<String, String> appEnvironment() {
        DataSourceFactory factory = freshFactory();
        return Map.of("DATABASE_DRIVER", factory.getDriverClass(), "DATABASE_URL", factory.getUrl(),
                "DATABASE_USER", factory.getUser());
    }

    /** The settings of a new, empty database (not migrated), for tests that open their own connections. */
    public DataSourceFactory freshFactory() {
        String name = "t" + COUNTER.incrementAndGet();
        DataSourceFactory factory = new DataSourceFactory();
        factory.setMaxSize(16);
        factory.setMinSize(1);
        factory.setInitialSize(1);
        if (this == H2) {
            factory.setDriverClass("org.h2.Driver");
            factory.setUrl(h2Url(name));
            factory.setUser("sa");
        } else {
            EmbeddedPostgres server = postgres();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            factory.setDriverClass("org.postgresql.Driver");
            factory.setUrl(server.getJdbcUrl("postgres", name));
            factory.setUser("postgres");
        }
        return factory;
    }

    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                // Durability is not under test: skipping fsync keeps the suite fast on a busy machine.
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
                postgres = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }
}
