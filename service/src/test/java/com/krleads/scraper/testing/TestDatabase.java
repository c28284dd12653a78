package com.krleads.scraper.testing;

import com.krleads.scraper.db.DatabaseMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A fresh, migrated database for one test: an in-memory H2 in PostgreSQL mode, or a new
 * database on the one embedded PostgreSQL server that all test classes share.
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
        String name = "t" + COUNTER.incrementAndGet();
        if (this == H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(h2Url(name));
            h2.setUser("sa");
            return h2;
        }
        EmbeddedPostgres server = postgres();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getDatabase("postgres", name);
    }

    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().start();
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
