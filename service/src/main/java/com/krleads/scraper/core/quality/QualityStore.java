package com.krleads.scraper.core.quality;

import java.util.List;
import java.util.Optional;

/** Where jobs' quality is kept; the baseline is computed where the data is. */
public interface QualityStore {
    /** The median of the last {@code jobs} completed jobs of the source, other than {@code jobId}. */
    Baseline baseline(long sourceId, long jobId, int jobs);

    /** Stores the record and its findings together. */
    void save(QualityRecord record);

    Optional<QualityRecord> find(long jobId);

    /** The last completed job's record of one source, if it has one. */
    Optional<QualityRecord> lastCompared(long sourceId);

    /** Every enabled source that has a completed job, with its last one's record. */
    List<SourceHealth> enabledSources();
}
