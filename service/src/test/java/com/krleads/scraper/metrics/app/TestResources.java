package com.krleads.scraper.metrics.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Resources of the test application: one that answers, one that throws, one that validates. */
public final class TestResources {
    private TestResources() {
    }

    @Path("/api/jobs")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Jobs {
        @GET
        @Path("{id}")
        public Map<String, Object> job(@PathParam("id") long id) {
            return Map.of("id", id, "status", "completed");
        }
    }

    @Path("/api/boom")
    public static class Boom {
        @GET
        public String boom() {
            throw new IllegalStateException("the handler failed");
        }
    }

    @Path("/api/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public static class Items {
        @POST
        public Map<String, String> create(@Valid @NotNull Item item) {
            return Map.of("name", item.name());
        }
    }

    public record Item(@NotBlank String name) {
    }
}
