package com.krleads.scraper.resources;

import com.krleads.scraper.api.LeadResponse;
import com.krleads.scraper.api.PageResponse;
import com.krleads.scraper.auth.Role;
import com.krleads.scraper.db.LeadDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.resources.errors.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READER_NAME)
public class LeadResource {
    static final int MAX_PAGE_SIZE = 200;
    /** How deep paging may reach: an offset costs the database every row it skips. */
    static final int MAX_OFFSET = 10_000;
    private final LeadDao leads;
    private final SourceDao sources;

    public LeadResource(LeadDao leads, SourceDao sources) {
        this.leads = leads;
        this.sources = sources;
    }

    /** {@code q} matches name, contacts or address; {@code source} is a source id or name. */
    @GET
    public PageResponse<LeadResponse> list(@QueryParam("q") String q, @QueryParam("source") String source,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        Params.text("q", q);
        Params.text("source", source);
        int pageSize = Params.intParam("size", size, 50, 1, MAX_PAGE_SIZE);
        int pageNumber = Params.intParam("page", page, 1, 1, Integer.MAX_VALUE);
        if ((long) (pageNumber - 1) * pageSize > MAX_OFFSET) {
            throw ApiException.invalid("page", "page " + pageNumber + " of size " + pageSize + " starts past the first "
                    + MAX_OFFSET + " leads, the deepest paging reaches; narrow the search with q or source");
        }
        String pattern = q == null || q.isBlank() ? "" : "%" + escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%";
        long sourceId = sourceId(source);
        List<LeadResponse> items = leads.search(pattern, sourceId, pageSize, (long) (pageNumber - 1) * pageSize)
                .stream().map(LeadResponse::of).toList();
        return new PageResponse<>(items, leads.count(pattern, sourceId), pageNumber, pageSize);
    }

    @GET
    @Path("/{id}")
    public LeadResponse get(@PathParam("id") String id) {
        return leads.findById(Params.id("lead", id)).map(LeadResponse::of)
                .orElseThrow(() -> ApiException.notFound("lead", id));
    }

    private long sourceId(String source) {
        if (source == null || source.isBlank()) {
            return -1;
        }
        String value = source.trim();
        if (value.chars().allMatch(Character::isDigit) && value.length() < 19) {
            return Long.parseLong(value);
        }
        return sources.findByName(value).map(s -> s.id())
                .orElseThrow(() -> ApiException.invalid("source", "no source named '" + value + "'"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
