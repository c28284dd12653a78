package com.krleads.deployment;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL server the replicas share (the embedded binaries the service tests use), and the
 * test's own view of the truth: the jobs and leads tables, read with SQL, not through the API
 * (so that reading it adds nothing to the request counters under test).
 */
final class SharedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    /** One row of the jobs table. */
    record JobRow(long id, String status, int attempts, String leaseOwner, String errorMessage, Instant finishedAt) {
    }

    private SharedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static SharedDatabase start() throws IOException {
        // Durability is not under test: skipping fsync keeps the run fast on a busy machine.
        return new SharedDatabase(EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start());
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String user() {
        return "postgres";
    }

    /** A database owned by a login role of its own: the service's account, which {@link #refuse} can lock out. */
    String createOwnedDatabase(String role, String database) throws SQLException {
        execute("CREATE ROLE " + role + " LOGIN");
        execute("CREATE DATABASE " + database + " OWNER " + role);
        return postgres.getJdbcUrl(role, database);
    }

    /**
     * The database stops serving {@code role}, as when it goes down for its clients: new logins are
     * refused and the role's open sessions are ended. {@link #admit} undoes it.
     */
    void refuse(String role) throws SQLException {
        execute("ALTER ROLE " + role + " NOLOGIN");
        execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "'");
    }

    void admit(String role) throws SQLException {
        execute("ALTER ROLE " + role + " LOGIN");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    List<JobRow> jobs() throws SQLException {
        List<JobRow> rows = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, status, attempts, lease_owner, error_message, finished_at FROM jobs ORDER BY id")) {
            while (r.next()) {
                Timestamp finished = r.getTimestamp(6);
                rows.add(new JobRow(r.getLong(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                        finished == null ? null : finished.toInstant()));
            }
        }
        return rows;
    }

    Map<String, Long> jobsByStatus() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (JobRow job : jobs()) {
            counts.merge(job.status(), 1L, Long::sum);
        }
        return counts;
    }

    /** The lease owner of every running job, by job id. */
    Map<Long, String> runningJobOwners() throws SQLException {
        Map<Long, String> owners = new TreeMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, lease_owner FROM jobs WHERE status = 'running'")) {
            while (r.next()) {
                owners.put(r.getLong(1), r.getString(2));
            }
        }
        return owners;
    }

    /** The first column of the first row, as text (null when there is no row). */
    String text(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
