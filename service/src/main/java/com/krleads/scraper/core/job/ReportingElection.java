package com.krleads.scraper.core.job;

/**
 * Which process reports a state that all replicas share (the backlog of the one job queue): if
 * every replica reported it, a sum over replicas would count it once per replica. Exactly one
 * process holds the lead at a time; when it dies another takes over.
 */
public interface ReportingElection {
    /** A process that owns its database alone (H2) always reports. */
    ReportingElection ALWAYS_LEADER = () -> true;

    /** Whether this process reports now; asked at each scrape, so it may try to take the lead. */
    boolean holdsLead();

    /** Gives the lead up at once, so that another process takes over at its next try. */
    default void resign() {
    }
}
