package com.krleads.scraper.resources;

import com.krleads.scraper.api.JobRequest;
import com.krleads.scraper.api.JobResponse;
import com.krleads.scraper.auth.Role;
import com.krleads.scraper.core.Job;
import com.krleads.scraper.core.KeyAllowance;
import com.krleads.scraper.core.JobStatus;
import com.krleads.scraper.core.Source;
import com.krleads.scraper.core.quality.QualityStore;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.queue.JobQueue.CancelResult;
import com.krleads.scraper.queue.JobQueue.Enqueued;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READER_NAME)
public class JobResource {
    private static final Logger LOG = LoggerFactory.getLogger(JobResource.class);
    private final JobQueue queue;
    private final JobDao jobs;
    private final SourceDao sources;
    private final KeyAllowance limiter;
    private final QualityStore quality;

    public JobResource(JobQueue queue, JobDao jobs, SourceDao sources, KeyAllowance limiter, QualityStore quality) {
        this.queue = queue;
        this.jobs = jobs;
        this.sources = sources;
        this.limiter = limiter;
        this.quality = quality;
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response create(@Valid JobRequest request, @Context SecurityContext security) {
        if (request == null) {
            throw ApiException.invalid("sourceId", "sourceId is required");
        }
        Source source = sources.findById(request.sourceId())
                .orElseThrow(() -> new ApiException(404, "not_found", "source " + request.sourceId()
                        + " does not exist", "sourceId"));
        if (!source.enabled()) {
            throw ApiException.conflict("source_disabled", "source " + source.id() + " is disabled", "sourceId");
        }
        String client = security.getUserPrincipal() == null ? KeyAllowance.ANONYMOUS
                : security.getUserPrincipal().getName();
        limiter.tryTake(client).ifPresent(wait -> {
            long seconds = RateLimitedException.seconds(wait);
            throw new RateLimitedException("too many jobs created with this API key; the next one is allowed in "
                    + seconds + " s", seconds);
        });
        Enqueued enqueued = queue.enqueueUnlessActive(source.id(), JobQueue.SCRAPING);
        if (enqueued.outcome() != Enqueued.Outcome.QUEUED) {
            limiter.giveBack(client);
        } else {
            // The line that ties this request's id to the job's id in the logs.
            LOG.info("Job {} queued for source {} ({})", enqueued.job().id(), source.id(), source.name());
        }
        return switch (enqueued.outcome()) {
            case QUEUED -> Response.accepted(JobResponse.of(enqueued.job()))
                    .location(URI.create("/api/jobs/" + enqueued.job().id())).build();
            case ALREADY_ACTIVE -> throw ApiException.conflict("job_active", "source " + source.id()
                    + " already has job " + enqueued.job().id() + " " + enqueued.job().status().value()
                    + "; one job per source at a time: wait for it or cancel it", "sourceId");
            case NO_SOURCE -> throw ApiException.notFound("source", source.id());
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
