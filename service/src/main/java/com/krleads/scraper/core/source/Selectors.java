package com.krleads.scraper.core.source;

/**
 * CSS selectors that find a listing's items on a page and the fields inside each item.
 * {@code item} is required; a field selector that is null or finds nothing falls back to heuristics.
 */
public record Selectors(String item, String name, String phone, String email, String website,
                        String address, String category, String nextPage) {
}
