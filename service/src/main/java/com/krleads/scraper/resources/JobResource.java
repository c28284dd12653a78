package com.krleads.scraper.resources;

import com.krleads.scraper.api.JobRequest;
import com.krleads.scraper.api.JobResponse;
import com.krleads.scraper.auth.Role;
import com.krleads.scraper.core.job.Job;
import com.krleads.scraper.core.job.JobCreation.Created;
import com.krleads.scraper.core.job.JobCreation;
import com.krleads.scraper.core.job.JobStatus;
import com.krleads.scraper.core.limit.KeyAllowance;
import com.krleads.scraper.core.quality.QualityStore;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.queue.JobQueue.CancelResult;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.resources.errors.ApiException;
import com.krleads.scraper.resources.errors.RateLimitedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;

@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READER_NAME)
public class JobResource {
    private final JobCreation creation;
    private final JobQueue queue;
    private final JobDao jobs;
    private final QualityStore quality;

    public JobResource(JobCreation creation, JobQueue queue, JobDao jobs, QualityStore quality) {
        this.creation = creation;
        this.queue = queue;
        this.jobs = jobs;
        this.quality = quality;
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response create(@Valid JobRequest request, @Context SecurityContext security) {
        if (request == null) {
            throw ApiException.invalid("sourceId", "sourceId is required");
        }
        String client = security.getUserPrincipal() == null ? KeyAllowance.ANONYMOUS
                : security.getUserPrincipal().getName();
        Created created = creation.create(request.sourceId(), client);
        long sourceId = request.sourceId();
        return switch (created.outcome()) {
            case QUEUED -> Response.accepted(JobResponse.of(created.job()))
                    .location(URI.create("/api/jobs/" + created.job().id())).build();
            case NO_SOURCE -> throw new ApiException(404, "not_found", "source " + sourceId
                    + " does not exist", "sourceId");
            case SOURCE_DISABLED -> throw ApiException.conflict("source_disabled", "source " + sourceId
                    + " is disabled", "sourceId");
            case RATE_LIMITED -> {
                long seconds = RateLimitedException.seconds(created.retryAfter());
                throw new RateLimitedException("too many jobs created with this API key; the next one is allowed in "
                        + seconds + " s", seconds);
            }
            case ALREADY_ACTIVE -> throw ApiException.conflict("job_active", "source " + sourceId
                    + " already has job " + created.job().id() + " " + created.job().status().value()
                    + "; one job per source at a time: wait for it or cancel it", "sourceId");
            case SOURCE_GONE -> throw ApiException.notFound("source", sourceId);
        };
    }

    @GET
    public List<JobResponse> list(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        int max = Params.intParam("limit", limit, 50, 1, 500);
        List<Job> found = status == null || status.isBlank() ? jobs.list(max)
                : jobs.listByStatus(parseStatus(status).value(), max);
        return found.stream().map(JobResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    public JobResponse get(@PathParam("id") String id) {
        Job job = find(id);
        return JobResponse.of(job, job.status().isFinal() ? quality.find(job.id()).orElse(null) : null);
    }

    /** 200 when the job is cancelled at once, 202 when a running job was asked to stop. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response cancel(@PathParam("id") String id) {
        long jobId = Params.id("job", id);
        CancelResult result = queue.cancel(jobId);
        return switch (result) {
            case CANCELLED -> Response.ok(JobResponse.of(find(id))).build();
            case REQUESTED -> Response.accepted(JobResponse.of(find(id))).build();
            case NOT_FOUND -> throw ApiException.notFound("job", id);
            case NOT_CANCELLABLE -> throw ApiException.conflict("invalid_state", "job " + id + " is "
                    + find(id).status().value() + " and can no longer be cancelled", null);
        };
    }

    private Job find(String id) {
        return jobs.findById(Params.id("job", id)).orElseThrow(() -> ApiException.notFound("job", id));
    }

    private static JobStatus parseStatus(String status) {
        try {
            return JobStatus.parse(status.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "status must be one of queued, running, completed, failed, cancelled");
        }
    }
}
