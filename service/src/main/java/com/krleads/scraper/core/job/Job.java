package com.krleads.scraper.core.job;

import java.time.Instant;

/**
 * A scraping job, which is also the queue entry: {@code queueName}, {@code attempts},
 * {@code runAfter} and the lease fields belong to the database-backed queue.
 */
public record Job(long id, long sourceId, String queueName, JobStatus status, int attempts,
                  JobCounts counts, String errorMessage, String leaseOwner, Instant leaseUntil,
                  Instant runAfter, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
