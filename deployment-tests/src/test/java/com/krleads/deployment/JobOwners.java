package com.krleads.deployment;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the jobs table every {@link #PERIOD_MILLIS}: which processes (lease owners) each job ran on. */
final class JobOwners implements AutoCloseable {
    static final long PERIOD_MILLIS = 200;
    private final Map<Long, Set<String>> owners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    JobOwners(SharedDatabase database) {
        sampler.scheduleWithFixedDelay(() -> {
            try {
                database.runningJobOwners().forEach((job, owner) ->
                        owners.computeIfAbsent(job, j -> ConcurrentHashMap.newKeySet()).add(owner));
            } catch (Exception e) {
                // the database is the test's own; a failed sample only leaves a gap
            }
        }, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Whether {@code job} was seen running on the process whose lease owners start with {@code ownerPrefix}. */
    boolean ranOn(long job, String ownerPrefix) {
        return owners.getOrDefault(job, Set.of()).stream().anyMatch(o -> o.startsWith(ownerPrefix));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
