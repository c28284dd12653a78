package com.krleads.scraper.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.krleads.scraper.core.Job;
import java.time.Instant;

public record JobResponse(long id, long sourceId, String queue, String status, int attempts, int pagesFetched,
                          Results results, String errorMessage, Instant createdAt, Instant startedAt,
                          Instant finishedAt) {

    public static JobResponse of(Job job) {
        return new JobResponse(job.id(), job.sourceId(), job.queueName(), job.status().value(), job.attempts(),
                job.counts().pagesFetched(),
                new Results(job.counts().newLeads(), job.counts().updatedLeads(), job.counts().errors()),
                job.errorMessage(), job.createdAt(), job.startedAt(), job.finishedAt());
    }

    public record Results(@JsonProperty("new") int newLeads, @JsonProperty("updated") int updated,
                          @JsonProperty("errors") int errors) {
    }
}
