package com.krleads.scraper.db;

import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobCounts;
import com.krleads.scraper.core.job.JobStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Plain reads and writes of the jobs table; the queue's state changes live in {@link JobQueueDao}. */
@RegisterRowMapper(JobDao.JobMapper.class)
public interface JobDao {

    @SqlUpdate("""
            INSERT INTO jobs (source_id, queue_name, status, attempts, run_after, created_at)
            VALUES (:sourceId, :queue, 'queued', 0, :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("sourceId") long sourceId, @Bind("queue") String queue, @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM jobs WHERE id = :id")
    Optional<Job> findById(@Bind("id") long id);

    @SqlQuery("SELECT * FROM jobs ORDER BY id DESC LIMIT :limit")
    List<Job> list(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM jobs WHERE status = :status ORDER BY id DESC LIMIT :limit")
    List<Job> listByStatus(@Bind("status") String status, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM jobs WHERE source_id = :sourceId AND status = 'running'")
    int countRunning(@Bind("sourceId") long sourceId);

    @SqlQuery("SELECT COUNT(*) FROM jobs WHERE source_id = :sourceId AND status IN ('queued', 'running')")
    int countActive(@Bind("sourceId") long sourceId);

    @SqlQuery("""
            SELECT * FROM jobs WHERE source_id = :sourceId AND status IN ('queued', 'running')
            ORDER BY id LIMIT 1
            """)
    Optional<Job> findActive(@Bind("sourceId") long sourceId);

    @SqlQuery("SELECT cancel_requested FROM jobs WHERE id = :id")
    Optional<Boolean> cancelRequested(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE jobs SET pages_fetched = :c.pagesFetched, new_leads = :c.newLeads,
                   updated_leads = :c.updatedLeads, errors = :c.errors
            WHERE id = :id AND lease_owner = :owner AND status = 'running'
            """)
    int saveProgress(@Bind("id") long id, @Bind("owner") String owner, @BindMethods("c") JobCounts counts);

    class JobMapper implements RowMapper<Job> {
        @Override
        public Job map(ResultSet rs, StatementContext ctx) throws SQLException {
            JobCounts counts = new JobCounts(rs.getInt("pages_fetched"), rs.getInt("new_leads"),
                    rs.getInt("updated_leads"), rs.getInt("errors"));
            return new Job(rs.getLong("id"), rs.getLong("source_id"), rs.getString("queue_name"),
                    JobStatus.parse(rs.getString("status")), rs.getInt("attempts"), counts,
                    rs.getString("error_message"), rs.getString("lease_owner"), Rows.instant(rs, "lease_until"),
                    Rows.instant(rs, "run_after"), Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "started_at"), Rows.instant(rs, "finished_at"));
        }
    }
}
