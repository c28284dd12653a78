package com.krleads.scraper.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The rows of the limits that replicas share. Each is read with {@code FOR UPDATE} next to the
 * database's clock, changed, and written back in one transaction: concurrent callers, in any
 * replica, take turns on the row.
 */
@RegisterRowMapper(SharedLimitsDao.StateMapper.class)
public interface SharedLimitsDao {

    /** @return 0 when the row exists already */
    @SqlUpdate("""
            INSERT INTO key_allowances (client, tokens, refilled_at)
            SELECT :client, :tokens, CURRENT_TIMESTAMP
            WHERE NOT EXISTS (SELECT 1 FROM key_allowances WHERE client = :client)
            """)
    int createAllowance(@Bind("client") String client, @Bind("tokens") double tokens);

    @SqlQuery("""
            SELECT tokens AS amount, refilled_at AS at, CURRENT_TIMESTAMP AS db_now
            FROM key_allowances WHERE client = :client FOR UPDATE
            """)
    Optional<State> lockAllowance(@Bind("client") String client);

    @SqlUpdate("UPDATE key_allowances SET tokens = :tokens, refilled_at = :at WHERE client = :client")
    int saveAllowance(@Bind("client") String client, @Bind("tokens") double tokens, @Bind("at") Instant refilledAt);

    /** @return 0 when the row exists already */
    @SqlUpdate("""
            INSERT INTO host_pacing (host, next_at)
            SELECT :host, CURRENT_TIMESTAMP
            WHERE NOT EXISTS (SELECT 1 FROM host_pacing WHERE host = :host)
            """)
    int createHost(@Bind("host") String host);

    @SqlQuery("""
            SELECT 0 AS amount, next_at AS at, CURRENT_TIMESTAMP AS db_now
            FROM host_pacing WHERE host = :host FOR UPDATE
            """)
    Optional<State> lockHost(@Bind("host") String host);

    @SqlUpdate("UPDATE host_pacing SET next_at = :at WHERE host = :host")
    int saveHost(@Bind("host") String host, @Bind("at") Instant nextAt);

    /** A locked row: its amount (tokens), its moment, and the database's clock. */
    record State(double amount, Instant at, Instant now) {
    }

    class StateMapper implements org.jdbi.v3.core.mapper.RowMapper<State> {
        @Override
        public State map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
            return new State(rs.getDouble("amount"), Rows.instant(rs, "at"), Rows.instant(rs, "db_now"));
        }
    }
}
