package com.krleads.scraper.api;

/** Every error the API returns: a stable machine code, a message for people, the field at fault. */
public record ErrorResponse(String code, String message, String field) {
}
