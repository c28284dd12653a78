package com.krleads.scraper.health;

import com.codahale.metrics.health.HealthCheck;
import com.krleads.scraper.queue.JobQueue;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The queue moves: its oldest due job is younger than the allowed age, and when this process
 * runs workers, at least one of them is alive.
 */
public class QueueHealthCheck extends HealthCheck {
    private final JobQueue queue;
    private final String queueName;
    private final Duration maxQueuedAge;
    private final boolean workersEnabled;
    private final IntSupplier aliveWorkers;

    public QueueHealthCheck(JobQueue queue, String queueName, Duration maxQueuedAge, boolean workersEnabled,
                            IntSupplier aliveWorkers) {
        this.queue = queue;
        this.queueName = queueName;
        this.maxQueuedAge = maxQueuedAge;
        this.workersEnabled = workersEnabled;
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
        if (workersEnabled && aliveWorkers.getAsInt() == 0) {
            return Result.unhealthy("workers are enabled but none is alive");
        }
        return Result.healthy("%d queued in '%s', oldest waits %ds", queued, queueName, oldest.toSeconds());
    }
}
