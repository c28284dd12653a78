package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.DuplicateCandidate.DuplicateStatus;
import com.krleads.scraper.core.lead.DuplicateCandidate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterRowMapper(DuplicateDao.CandidateMapper.class)
public interface DuplicateDao {

    String INSERT = """
            INSERT INTO duplicate_candidates (lead_id, other_lead_id, similarity, reason, status, created_at)
            SELECT :leadId, :otherId, :similarity, :reason, 'open', :now
            WHERE NOT EXISTS (SELECT 1 FROM duplicate_candidates WHERE lead_id = :leadId AND other_lead_id = :otherId)
            """;

    /** @return 0 when the pair is already recorded */
    @SqlUpdate(INSERT)
    int insert(@Bind("leadId") long leadId, @Bind("otherId") long otherLeadId,
               @Bind("similarity") double similarity, @Bind("reason") String reason, @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM duplicate_candidates WHERE id = :id")
    Optional<DuplicateCandidate> findById(@Bind("id") long id);

    /** Locked until the transaction ends, so that two reviews of one candidate take turns. */
    @SqlQuery("SELECT * FROM duplicate_candidates WHERE id = :id FOR UPDATE")
    Optional<DuplicateCandidate> lockById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM duplicate_candidates WHERE status = :status ORDER BY id LIMIT :limit")
    List<DuplicateCandidate> listByStatus(@Bind("status") String status, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE duplicate_candidates SET status = :status, resolved_at = :now
            WHERE id = :id AND status = 'open'
            """)
    int resolve(@Bind("id") long id, @Bind("status") String status, @Bind("now") Instant now);

    /** Other open candidates that name a lead about to be deleted lose their meaning. */
    @SqlUpdate("""
            DELETE FROM duplicate_candidates
            WHERE id <> :keepId AND status = 'open' AND (lead_id = :leadId OR other_lead_id = :leadId)
            """)
    int deleteOpenInvolving(@Bind("leadId") long leadId, @Bind("keepId") long keepId);

    @SqlQuery("SELECT COUNT(*) FROM duplicate_candidates")
    long countAll();

    class CandidateMapper implements RowMapper<DuplicateCandidate> {
        @Override
        public DuplicateCandidate map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DuplicateCandidate(rs.getLong("id"), rs.getLong("lead_id"), rs.getLong("other_lead_id"),
                    rs.getDouble("similarity"), rs.getString("reason"),
                    DuplicateStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                    Rows.instant(rs, "created_at"), Rows.instant(rs, "resolved_at"));
        }
    }
}
