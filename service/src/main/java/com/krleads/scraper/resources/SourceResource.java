package com.krleads.scraper.resources;

import com.krleads.scraper.api.SourceRequest;
import com.krleads.scraper.api.SourceResponse;
import com.krleads.scraper.auth.Role;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.quality.QualityStore;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.db.UniqueViolations;
import com.krleads.scraper.resources.errors.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READER_NAME)
public class SourceResource {
    private final SourceDao sources;
    private final JobDao jobs;
    private final SourceValidator validator;
    private final Clock clock;
    private final QualityStore quality;
    private final PipelineEvents events;

    public SourceResource(SourceDao sources, JobDao jobs, SourceValidator validator, Clock clock, QualityStore quality,
                          PipelineEvents events) {
        this.sources = sources;
        this.jobs = jobs;
        this.validator = validator;
        this.clock = clock;
        this.quality = quality;
        this.events = events;
    }

    @POST
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response create(@Valid SourceRequest request) {
        Source source = validator.toSource(0, request, clock.instant(), clock.instant());
        rejectTakenName(source.name(), -1);
        Source created = uniqueName(() -> sources.insert(source));
        events.sourceKnown(created.name());
        return Response.created(URI.create("/api/sources/" + created.id())).entity(SourceResponse.of(created)).build();
    }

    @GET
    public List<SourceResponse> list() {
        return sources.list().stream().map(SourceResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    public SourceResponse get(@PathParam("id") String id) {
        Source source = find(id);
        return SourceResponse.of(source, quality.lastCompared(source.id()).orElse(null));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    public SourceResponse update(@PathParam("id") String id, @Valid SourceRequest request) {
        Source existing = find(id);
        Source updated = validator.toSource(existing.id(), request, existing.createdAt(), clock.instant());
        rejectTakenName(updated.name(), existing.id());
        uniqueName(() -> sources.update(updated, updated.selectors()));
        if (!updated.name().equals(existing.name())) {
            events.sourceNameReleased(existing.name());
        }
        events.sourceKnown(updated.name());
        return SourceResponse.of(find(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.OPERATOR_NAME)
    public Response delete(@PathParam("id") String id) {
        Source source = find(id);
        if (jobs.countRunning(source.id()) > 0) {
            throw ApiException.conflict("source_busy", "source " + source.id()
                    + " has a running job; cancel it first", null);
        }
        sources.delete(source.id());
        events.sourceNameReleased(source.name());
        return Response.noContent().build();
    }

    private Source find(String id) {
        return sources.findById(Params.id("source", id)).orElseThrow(() -> ApiException.notFound("source", id));
    }

    private void rejectTakenName(String name, long ownId) {
        sources.findByName(name).filter(other -> other.id() != ownId).ifPresent(other -> {
            throw nameTaken(name);
        });
    }

    /** The unique index decides when two requests race for one name. */
    private static <T> T uniqueName(Supplier<T> write) {
        try {
            return write.get();
        } catch (JdbiException e) {
            if (UniqueViolations.causedBy(e)) {
                throw nameTaken(null);
            }
            throw e;
        }
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("duplicate_name",
                "a source named '" + (name == null ? "that" : name) + "' already exists", "name");
    }
}
