package com.krleads.scraper.health;

import com.codahale.metrics.health.HealthCheck;
import com.krleads.scraper.queue.JobQueue;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The queue moves: its oldest due job is younger than the allowed age, and when this process
 * runs workers, every one of them is alive (a worker stuck in a run past its hard deadline is not).
 */
public class QueueHealthCheck extends HealthCheck {
    private final JobQueue queue;
    private final String queueName;
    private final Duration maxQueuedAge;
    private final int configuredWorkers;
    private final IntSupplier aliveWorkers;

    /** {@code configuredWorkers} is 0 in a process that runs no workers (API only). */
    public QueueHealthCheck(JobQueue queue, String queueName, Duration maxQueuedAge, int configuredWorkers,
                            IntSupplier aliveWorkers) {
        this.queue = queue;
        this.queueName = queueName;
        this.maxQueuedAge = maxQueuedAge;
        this.configuredWorkers = configuredWorkers;
        this.aliveWorkers = aliveWorkers;
    }

    @Override
    protected Result check() {
        Duration oldest = queue.oldestQueuedAge(queueName);
        long queued = queue.countQueued(queueName);
        if (oldest.compareTo(maxQueuedAge) > 0) {
            return Result.unhealthy("oldest queued job in '%s' waits %ds, more than %ds",
                    queueName, oldest.toSeconds(), maxQueuedAge.toSeconds());
        }
        int alive = aliveWorkers.getAsInt();
        if (alive < configuredWorkers) {
            return Result.unhealthy("only %d of %d workers of '%s' are alive", alive, configuredWorkers, queueName);
        }
        return Result.healthy("%d queued in '%s', oldest waits %ds", queued, queueName, oldest.toSeconds());
    }
}
