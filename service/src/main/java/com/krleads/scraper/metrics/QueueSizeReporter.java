package com.krleads.scraper.metrics;

import com.krleads.scraper.core.job.ReportingElection;
import io.dropwizard.lifecycle.Managed;

/**
 * Who reports {@code queue_size}. The backlog lives in the shared database, so if every
 * replica reported it, {@code sum(queue_size) by (queue_name)} would count it once per
 * replica: only the process its {@link ReportingElection} makes the leader reports; the others
 * export no series.
 */
public final class QueueSizeReporter implements Managed {
    private final ReportingElection election;

    public QueueSizeReporter(ReportingElection election) {
        this.election = election;
    }

    /** Tries for the lead at start, so that one replica reports from the first scrape on. */
    @Override
    public void start() {
        reportsNow();
    }

    /** Whether this process reports {@code queue_size} now; asked at each scrape. */
    public boolean reportsNow() {
        return election.holdsLead();
    }

    @Override
    public void stop() {
        election.resign();
    }
}
