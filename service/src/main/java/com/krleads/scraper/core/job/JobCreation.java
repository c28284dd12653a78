package com.krleads.scraper.core.job;

import com.krleads.scraper.core.limit.KeyAllowance;
import com.krleads.scraper.core.source.Source;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating a job for a source at a client's request: a missing or disabled source gets no job;
 * a client over its allowance gets none either; otherwise the queue queues one unless the source
 * has an active job (the queue enforces that rule). A unit of allowance taken for a job that was
 * not queued after all is given back.
 */
public final class JobCreation {
    private static final Logger LOG = LoggerFactory.getLogger(JobCreation.class);

    private final Sources sources;
    private final KeyAllowance allowance;
    private final Queue queue;

    public JobCreation(Sources sources, KeyAllowance allowance, Queue queue) {
        this.sources = sources;
        this.allowance = allowance;
        this.queue = queue;
    }

    /** @param client the API key's name, or {@link KeyAllowance#ANONYMOUS} */
    public Created create(long sourceId, String client) {
        Optional<Source> found = sources.findById(sourceId);
        if (found.isEmpty()) {
            return new Created(Outcome.NO_SOURCE, null, null, null);
        }
        Source source = found.get();
        if (!source.enabled()) {
            return new Created(Outcome.SOURCE_DISABLED, source, null, null);
        }
        Optional<Duration> wait = allowance.tryTake(client);
        if (wait.isPresent()) {
            return new Created(Outcome.RATE_LIMITED, source, null, wait.get());
        }
        Enqueued enqueued = queue.enqueueUnlessActive(source.id());
        if (enqueued.outcome() != Outcome.QUEUED) {
            allowance.giveBack(client);
        } else {
            // The line that ties the request's id to the job's id in the logs.
            LOG.info("Job {} queued for source {} ({})", enqueued.job().id(), source.id(), source.name());
        }
        return new Created(enqueued.outcome(), source, enqueued.job(), null);
    }

    public enum Outcome {
        QUEUED,
        /** The source has an active job already: {@link Created#job()} is that job. */
        ALREADY_ACTIVE,
        NO_SOURCE,
        /** The source was deleted between its lookup and the queueing. */
        SOURCE_GONE,
        SOURCE_DISABLED,
        /** The client must wait {@link Created#retryAfter()} before its next job. */
        RATE_LIMITED
    }

    /** What a request came to; {@code source}, {@code job} and {@code retryAfter} are null where they do not apply. */
    public record Created(Outcome outcome, Source source, Job job, Duration retryAfter) {
    }

    /** What the queue did: QUEUED (the new job), ALREADY_ACTIVE (the active job) or SOURCE_GONE. */
    public record Enqueued(Outcome outcome, Job job) {
    }

    @FunctionalInterface
    public interface Sources {
        Optional<Source> findById(long sourceId);
    }

    /** The queue, which queues a job for a source unless the source has an active one. */
    @FunctionalInterface
    public interface Queue {
        Enqueued enqueueUnlessActive(long sourceId);
    }
}
