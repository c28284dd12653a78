package com.krleads.scraper.db;

import com.krleads.scraper.core.job.ReportingElection;
import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ReportingElection} of replicas on one PostgreSQL database: the leader is the process
 * holding a session-level advisory lock on a dedicated connection. The lock is tried at each
 * scrape, so when the holder dies (its connection goes, and with it the lock) the next replica
 * scraped takes over within one scrape interval.
 */
public final class AdvisoryLockElection implements ReportingElection {
    /** The advisory lock's key in the service's database; "krlqsize" in ASCII. */
    static final long LOCK_KEY = 0x6b726c7173697a65L;
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLockElection.class);
    private static final int TIMEOUT_SECONDS = 2;

    private final ConnectionSource connections;
    private Connection connection;
    private boolean holder;
    private boolean failing;

    /** Leads while holding the lock on a connection of its own, opened from {@code connections}. */
    public AdvisoryLockElection(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Leads while holding the lock on a connection of its own to {@code database}, outside the pool. */
    public static AdvisoryLockElection forDatabase(DataSourceFactory database) {
        return new AdvisoryLockElection(unpooled(database));
    }

    /**
     * A holder that lost the database goes on leading (its {@code queue_size} reads NaN, which
     * shows the outage) until it reaches the database again and learns whether it still holds the lock.
     */
    @Override
    public synchronized boolean holdsLead() {
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
    public synchronized void resign() {
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
    public static ConnectionSource unpooled(DataSourceFactory database) {
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
