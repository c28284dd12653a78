package com.krleads.scraper.db;

import com.krleads.scraper.core.net.HostPacer;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A {@link HostPacer} kept in the database: the host's row is locked while a request reserves
 * its moment (on the database's clock), then released; the request waits outside the
 * transaction. So every job, source and replica fetching one host takes turns.
 */
public class SharedHostPacer implements HostPacer {
    private static final int MAX_TRIES = 3;
    private final Jdbi jdbi;

    public SharedHostPacer(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Duration reserve(String host, Duration spacing) {
        return reserveSlot(host, spacing).waitFor();
    }

    /** The reservation itself, with the moments on the database's clock. */
    Reservation reserveSlot(String host, Duration spacing) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    SharedLimitsDao dao = h.attach(SharedLimitsDao.class);
                    dao.createHost(host);
                    SharedLimitsDao.State state = dao.lockHost(host).orElseThrow();
                    Reservation reservation = HostPacer.next(state.at(), state.now(), spacing);
                    dao.saveHost(host, reservation.nextFreeAt());
                    return reservation;
                });
            } catch (JdbiException e) {
                if (!RetryableConflicts.causedBy(e) || attempt >= MAX_TRIES) {
                    throw e;
                }
            }
        }
    }
}
