package com.krleads.scraper.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.quality.QualityRecord;
import java.time.Instant;
import java.util.List;

public record JobResponse(long id, long sourceId, String queue, String status, int attempts, int pagesFetched,
                          Results results, String errorMessage, Instant createdAt, Instant startedAt,
                          Instant finishedAt, QualityResponse quality, List<String> warnings) {

    public static JobResponse of(Job job) {
        return of(job, null);
    }

    /** {@code quality} null until the job ended having parsed a page. */
    public static JobResponse of(Job job, QualityRecord quality) {
        return new JobResponse(job.id(), job.sourceId(), job.queueName(), job.status().value(), job.attempts(),
                job.counts().pagesFetched(),
                new Results(job.counts().newLeads(), job.counts().updatedLeads(), job.counts().errors()),
                job.errorMessage(), job.createdAt(), job.startedAt(), job.finishedAt(),
                quality == null ? null : QualityResponse.of(quality), quality == null ? List.of() : quality.warnings());
    }

    public record Results(@JsonProperty("new") int newLeads, @JsonProperty("updated") int updated,
                          @JsonProperty("errors") int errors) {
    }
}
