package com.krleads.scraper.metrics;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who reports {@code queue_size}. The backlog lives in the shared database, so if every
 * replica reported it, {@code sum(queue_size) by (queue_name)} would count it once per
 * replica. Exactly one process reports at a time: on PostgreSQL the one holding a
 * session-level advisory lock on a dedicated connection; the others export no series. The
 * lock is tried at each scrape, so when the holder dies (its connection goes, and with it the
 * lock) the next replica scraped takes over within one scrape interval. On H2, which one
 * process owns, that process always reports.
 */
public final class QueueSizeReporter implements Managed {
    /** The advisory lock's key in the service's database; "krlqsize" in ASCII. */
    static final long LOCK_KEY = 0x6b726c7173697a65L;
    private static final Logger LOG = LoggerFactory.getLogger(QueueSizeReporter.class);
    private static final int TIMEOUT_SECONDS = 2;

    private final ConnectionSource connections;
    private Connection connection;
    private boolean holder;
    private boolean failing;

    private QueueSizeReporter(ConnectionSource connections) {
        this.connections = connections;
    }

    /** The process reports on H2; on PostgreSQL only while it holds the lock. */
    public static QueueSizeReporter forDatabase(DataSourceFactory database, boolean postgres) {
        return postgres ? byAdvisoryLock(unpooled(database)) : new QueueSizeReporter(null);
    }

    /** Reports while holding the lock on a connection of its own, opened from {@code connections}. */
    public static QueueSizeReporter byAdvisoryLock(ConnectionSource connections) {
        return new QueueSizeReporter(connections);
    }

    /** Tries for the lock at start, so that one replica reports from the first scrape on. */
    @Override
    public void start() {
        reportsNow();
    }

    /**
     * Whether this process reports {@code queue_size} now; asked at each scrape. A holder that
     * lost the database goes on reporting (its {@code queue_size} reads NaN, which shows the
     * outage) until it reaches the database again and learns whether it still holds the lock.
     */
    public synchronized boolean reportsNow() {
        if (connections == null) {
            return true;
        }
        try {
            if (holder && connection != null && connection.isValid(TIMEOUT_SECONDS)) {
                return true;
            }
            if (connection != null && holder) {
                LOG.warn("The connection holding the queue_size lock is gone; trying to take the lock again");
                closeConnection();
            }
            if (connection == null) {
                connection = connections.open();
            }
            boolean was = holder;
            holder = tryLock(connection);
            if (holder && !was) {
                LOG.info("This process now reports queue_size (PostgreSQL advisory lock {})", LOCK_KEY);
            }
            failing = false;
            return holder;
        } catch (SQLException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Cannot reach the database for the queue_size lock: {}", e.toString());
            }
            closeConnection();
            return holder;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Closing the connection releases the lock at once, so another replica takes over at its next scrape. */
    @Override
    public synchronized void stop() {
        holder = false;
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the queue_size lock connection failed", e);
            }
            connection = null;
        }
    }

    /**
     * A connection outside the pool: the lock lives as long as the session, and a pooled
     * connection would be shared, validated and recycled behind the lock's back.
     */
    static ConnectionSource unpooled(DataSourceFactory database) {
        return () -> {
            Properties properties = new Properties();
            properties.putAll(database.getProperties());
            if (database.getUser() != null) {
                properties.setProperty("user", database.getUser());
            }
            if (database.getPassword() != null) {
                properties.setProperty("password", database.getPassword());
            }
            properties.putIfAbsent("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
            properties.putIfAbsent("ApplicationName", "kr-lead-scraper queue_size reporter");
            return DriverManager.getConnection(database.getUrl(), properties);
        };
    }

    /** Opens the dedicated connection. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }
}
