package com.krleads.scraper.core.quality;

/**
 * What one job run measured: pages parsed, items and field counts over all of them, how many
 * pages the item selector matched nothing on and the first of those (0 when none).
 */
public record JobQuality(int pages, FieldCounts counts, int pagesWithoutItems, int firstPageWithoutItems) {
}
