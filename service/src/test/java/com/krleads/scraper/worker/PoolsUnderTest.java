package com.krleads.scraper.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The worker pools a test starts, each stopped after it, and the wait for what they do. */
final class PoolsUnderTest {
    private final List<WorkerPool> pools = new ArrayList<>();

    WorkerPool start(WorkerPool pool) {
        pool.start();
        pools.add(pool);
        return pool;
    }

    /** For a test that stops the pool itself. */
    void forget(WorkerPool pool) {
        pools.remove(pool);
    }

    void stopAll() throws InterruptedException {
        for (WorkerPool pool : pools) {
            pool.stop();
        }
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 30 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
