package com.krleads.scraper.db;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * The database's clock as a {@link Clock}: every replica that reads it gets the same time, so
 * leases granted by one replica and judged by another agree whatever each machine's own clock
 * says. Each reading is one query; the queue reads it once per claim, renewal or recovery.
 */
public final class DatabaseClock extends Clock {
    private final Jdbi jdbi;

    public DatabaseClock(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Instant instant() {
        return jdbi.withHandle(h -> h.createQuery("SELECT CURRENT_TIMESTAMP AS db_now")
                .map((rs, ctx) -> Rows.instant(rs, "db_now")).one());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the database clock has no zone of its own; it reads instants");
    }
}
