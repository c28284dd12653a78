package com.krleads.scraper.api;

import jakarta.validation.constraints.NotNull;

/** Body of POST /api/jobs. */
public record JobRequest(@NotNull(message = "sourceId is required") Long sourceId) {
}
