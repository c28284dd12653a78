package com.krleads.scraper.metrics;

import com.krleads.scraper.core.job.PipelineEvents;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces every stored source to {@link PipelineEvents#sourceKnown} at start and then at a
 * fixed interval, so that each source's series exist at 0 on this replica before its first job
 * here, including sources created through another replica. A failed read (database down) is
 * logged when it starts and tried again at the next tick.
 */
public final class KnownSources implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(KnownSources.class);

    private final Supplier<List<String>> sourceNames;
    private final PipelineEvents events;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private volatile boolean failing;

    public KnownSources(Supplier<List<String>> sourceNames, PipelineEvents events, ScheduledExecutorService executor,
                        Duration interval) {
        this.sourceNames = sourceNames;
        this.events = events;
        this.executor = executor;
        this.interval = interval;
    }

    /** The first read runs before the server takes requests; the next ones on the executor. */
    @Override
    public void start() {
        refresh();
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Reads the sources once and announces each; never throws, so the schedule goes on. */
    public void refresh() {
        try {
            for (String name : sourceNames.get()) {
                events.sourceKnown(name);
            }
            if (failing) {
                LOG.info("Reading the sources for their metric series works again");
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Cannot read the sources to create their metric series; trying again in {}", interval, e);
            }
            failing = true;
        }
    }
}
