package com.krleads.scraper.db;

import com.krleads.scraper.core.limit.KeyAllowance;
import com.krleads.scraper.core.limit.TokenBucket;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A {@link KeyAllowance} kept in the database, so that it holds across replicas: each key's
 * bucket is a row, locked while one request takes from it, on the database's clock.
 */
public class SharedKeyAllowance implements KeyAllowance {
    private static final int MAX_TRIES = 3;

    private final Jdbi jdbi;
    private final TokenBucket bucket;

    public SharedKeyAllowance(Jdbi jdbi, TokenBucket bucket) {
        this.jdbi = jdbi;
        this.bucket = bucket;
    }

    @Override
    public Optional<Duration> tryTake(String client) {
        TokenBucket.Taken taken = inRowTransaction(h -> {
            SharedLimitsDao dao = h.attach(SharedLimitsDao.class);
            SharedLimitsDao.State state = locked(dao, client);
            TokenBucket.Taken result = bucket.take(state.amount(), state.at(), state.now());
            dao.saveAllowance(client, result.tokens(), result.refilledAt());
            return result;
        });
        return taken.allowed() ? Optional.empty() : Optional.of(taken.waitFor());
    }

    @Override
    public void giveBack(String client) {
        inRowTransaction(h -> {
            SharedLimitsDao dao = h.attach(SharedLimitsDao.class);
            SharedLimitsDao.State state = locked(dao, client);
            return dao.saveAllowance(client, bucket.giveBack(state.amount()), state.at());
        });
    }

    private SharedLimitsDao.State locked(SharedLimitsDao dao, String client) {
        dao.createAllowance(client, bucket.capacity());
        return dao.lockAllowance(client).orElseThrow();
    }

    /** Two first requests of one key may both insert its row: the loser tries again and finds it. */
    private <T> T inRowTransaction(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work::withHandle);
            } catch (JdbiException e) {
                if (!RetryableConflicts.causedBy(e) || attempt >= MAX_TRIES) {
                    throw e;
                }
            }
        }
    }
}
