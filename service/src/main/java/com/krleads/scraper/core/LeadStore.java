package com.krleads.scraper.core;

/**
 * Stores extracted leads with deduplication. Idempotent: storing the same draft twice (a job
 * retried after a crash) updates the lead stored the first time and creates nothing new.
 */
public interface LeadStore {
    StoreResult store(long sourceId, LeadDraft draft);
}
