package com.krleads.scraper.api;

/** Body of POST /api/jobs. */
public record JobRequest(Long sourceId) {
}
