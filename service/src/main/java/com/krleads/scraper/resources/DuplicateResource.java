package com.krleads.scraper.resources;

import com.krleads.scraper.api.DuplicateResponse;
import com.krleads.scraper.auth.Role;
import com.krleads.scraper.core.lead.DuplicateCandidate.DuplicateStatus;
import com.krleads.scraper.core.lead.DuplicateReviewService;
import com.krleads.scraper.db.DuplicateDao;
import com.krleads.scraper.db.DuplicateReview;
import com.krleads.scraper.resources.errors.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

@Path("/api/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READER_NAME)
public class DuplicateResource {
    private final DuplicateDao duplicates;
    private final DuplicateReview review;

    public DuplicateResource(DuplicateDao duplicates, DuplicateReview review) {
        this.duplicates = duplicates;
        this.review = review;
    }

    @GET
    public List<DuplicateResponse> list(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        DuplicateStatus wanted = parseStatus(status);
        return duplicates.listByStatus(wanted.value(), Params.intParam("limit", limit, 100, 1, 500))
                .stream().map(DuplicateResponse::of).toList();
    }

    /** Folds the second lead into the first and deletes it. */
    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Role.OPERATOR_NAME)
    public DuplicateResponse merge(@PathParam("id") String id) {
        return decide(id, review.merge(Params.id("duplicate candidate", id)));
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed(Role.OPERATOR_NAME)
    public DuplicateResponse dismiss(@PathParam("id") String id) {
        return decide(id, review.dismiss(Params.id("duplicate candidate", id)));
    }

    private DuplicateResponse decide(String id, DuplicateReviewService.Outcome outcome) {
        return switch (outcome) {
            case NOT_FOUND -> throw ApiException.notFound("duplicate candidate", id);
            case NOT_OPEN -> throw ApiException.conflict("invalid_state",
                    "duplicate candidate " + id + " is no longer open", null);
            case DONE -> duplicates.findById(Long.parseLong(id)).map(DuplicateResponse::of).orElseThrow();
        };
    }

    private static DuplicateStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return DuplicateStatus.OPEN;
        }
        try {
            return DuplicateStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "status must be one of open, merged, dismissed");
        }
    }
}
