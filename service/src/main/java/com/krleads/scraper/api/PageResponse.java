package com.krleads.scraper.api;

import java.util.List;

/** One page of a list; {@code page} counts from 1. */
public record PageResponse<T>(List<T> items, long total, int page, int size) {
}
