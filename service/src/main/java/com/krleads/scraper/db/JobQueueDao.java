package com.krleads.scraper.db;

import com.krleads.scraper.core.job.JobCounts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The queue's state changes on the jobs table. Every change of a running job names the lease
 * owner, so a worker that lost its lease can no longer touch the job.
 */
public interface JobQueueDao {

    /** PostgreSQL: the row stays locked until the claiming transaction ends; others skip it. */
    @SqlQuery("""
            SELECT id FROM jobs
            WHERE queue_name = :queue AND status = 'queued' AND run_after <= :now
            ORDER BY run_after, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """)
    Optional<Long> lockNextDue(@Bind("queue") String queue, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id FROM jobs
            WHERE queue_name = :queue AND status = 'queued' AND run_after <= :now
            ORDER BY run_after, id
            LIMIT :limit
            """)
    List<Long> findDue(@Bind("queue") String queue, @Bind("now") Instant now, @Bind("limit") int limit);

    /** Succeeds for exactly one claimer: the status condition is re-checked under the row lock. */
    @SqlUpdate("""
            UPDATE jobs SET status = 'running', lease_owner = :owner, lease_until = :leaseUntil,
                   attempts = attempts + 1, started_at = COALESCE(started_at, :now)
            WHERE id = :id AND status = 'queued'
            """)
    int markRunning(@Bind("id") long id, @Bind("owner") String owner, @Bind("leaseUntil") Instant leaseUntil,
                    @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE jobs SET lease_until = :leaseUntil
            WHERE id = :id AND lease_owner = :owner AND status = 'running'
            """)
    int renewLease(@Bind("id") long id, @Bind("owner") String owner, @Bind("leaseUntil") Instant leaseUntil);

    @SqlUpdate("""
            UPDATE jobs SET status = :status, pages_fetched = :c.pagesFetched, new_leads = :c.newLeads,
                   updated_leads = :c.updatedLeads, errors = :c.errors, finished_at = :now,
                   error_message = COALESCE(CAST(:note AS VARCHAR(4000)), error_message),
                   lease_owner = NULL, lease_until = NULL
            WHERE id = :id AND lease_owner = :owner AND status = 'running'
            """)
    int finish(@Bind("id") long id, @Bind("owner") String owner, @Bind("status") String status,
               @BindMethods("c") JobCounts counts, @Bind("now") Instant now, @Bind("note") String note);

    @SqlUpdate("""
            UPDATE jobs SET status = 'queued', run_after = :runAfter, error_message = :error,
                   lease_owner = NULL, lease_until = NULL
            WHERE id = :id AND lease_owner = :owner AND status = 'running'
            """)
    int retryLater(@Bind("id") long id, @Bind("owner") String owner, @Bind("runAfter") Instant runAfter,
                   @Bind("error") String error);

    @SqlUpdate("""
            UPDATE jobs SET status = 'failed', error_message = :error, finished_at = :now,
                   lease_owner = NULL, lease_until = NULL
            WHERE id = :id AND lease_owner = :owner AND status = 'running'
            """)
    int fail(@Bind("id") long id, @Bind("owner") String owner, @Bind("error") String error,
             @Bind("now") Instant now);

    /** Shutdown: give the job back without counting the interrupted attempt. */
    @SqlUpdate("""
            UPDATE jobs SET status = 'queued', attempts = attempts - 1, run_after = :now,
                   lease_owner = NULL, lease_until = NULL
            WHERE id = :id AND lease_owner = :owner AND status = 'running'
            """)
    int release(@Bind("id") long id, @Bind("owner") String owner, @Bind("now") Instant now);

    /** Jobs whose worker died: cancelled if asked, failed when out of attempts, else queued again. */
    @SqlUpdate("""
            UPDATE jobs SET
                status = CASE WHEN cancel_requested THEN 'cancelled'
                              WHEN attempts >= :maxAttempts THEN 'failed' ELSE 'queued' END,
                error_message = CASE WHEN cancel_requested THEN error_message ELSE :error END,
                finished_at = CASE WHEN cancel_requested OR attempts >= :maxAttempts
                                   THEN CAST(:now AS TIMESTAMP WITH TIME ZONE) ELSE NULL END,
                run_after = :now, lease_owner = NULL, lease_until = NULL
            WHERE status = 'running' AND lease_until < :now
            """)
    int recoverExpired(@Bind("now") Instant now, @Bind("maxAttempts") int maxAttempts, @Bind("error") String error);

    @SqlUpdate("UPDATE jobs SET status = 'cancelled', finished_at = :now WHERE id = :id AND status = 'queued'")
    int cancelQueued(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE jobs SET cancel_requested = TRUE WHERE id = :id AND status = 'running'")
    int requestCancel(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM jobs WHERE queue_name = :queue AND status = 'queued'")
    long countQueued(@Bind("queue") String queue);

    @SqlQuery("""
            SELECT MIN(run_after) FROM jobs
            WHERE queue_name = :queue AND status = 'queued' AND run_after <= :now
            """)
    Optional<Instant> oldestDue(@Bind("queue") String queue, @Bind("now") Instant now);
}
