package com.krleads.scraper.core.quality;

/** An enabled source and the quality of its last completed job. */
public record SourceHealth(long sourceId, String source, QualityRecord last) {
}
