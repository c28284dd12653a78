package com.krleads.scraper.health;

import com.codahale.metrics.health.HealthCheck;
import org.jdbi.v3.core.Jdbi;

/** The database answers and holds the migrated schema. */
public class DatabaseHealthCheck extends HealthCheck {
    private final Jdbi jdbi;

    public DatabaseHealthCheck(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    protected Result check() {
        long jobs = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM jobs WHERE status = 'running'")
                .mapTo(Long.class).one());
        return Result.healthy("reachable; %d job(s) running", jobs);
    }
}
