package com.krleads.scraper.core.job;

/** What one job run produced: pages fetched and items by result type. */
public record JobCounts(int pagesFetched, int newLeads, int updatedLeads, int errors) {
    public static final JobCounts NONE = new JobCounts(0, 0, 0, 0);
}
