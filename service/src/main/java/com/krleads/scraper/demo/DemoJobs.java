package com.krleads.scraper.demo;

import com.krleads.metrics.LabelValues.BackgroundTask;
import com.krleads.scraper.config.DemoConfig;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.TaskBoundary;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.queue.JobQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo source in the database and queues a job for it every {@code demo.interval},
 * unless one is still queued or running, so a first run shows live dashboards. The scheduler is
 * a managed one from Dropwizard's lifecycle, which shuts it down with the application.
 */
public class DemoJobs {
    private static final Logger LOG = LoggerFactory.getLogger(DemoJobs.class);
    /** The selectors that read the bundled demo pages. */
    static final Selectors DEMO_SELECTORS = new Selectors(".listing", ".name", ".tel", "a[href^=mailto]",
            "a.homepage", ".addr", ".cat", "a.next");

    private final DemoConfig config;
    private final SourceDao sources;
    private final JobQueue queue;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final PipelineEvents events;

    public DemoJobs(DemoConfig config, SourceDao sources, JobQueue queue, Clock clock, PipelineEvents events,
                    ScheduledExecutorService scheduler) {
        this.config = config;
        this.events = events;
        this.scheduler = scheduler;
        this.sources = sources;
        this.queue = queue;
        this.clock = clock;
    }

    /** Starts once the application port is known (it may be chosen at random in tests). */
    public void startOn(int applicationPort) {
        String startUrl = (config.baseUrl.isBlank() ? "http://127.0.0.1:" + applicationPort : config.baseUrl)
                + DemoSite.START_PAGE;
        scheduler.scheduleWithFixedDelay(TaskBoundary.guarded(BackgroundTask.DEMO_JOBS, events,
                "Queueing the demo job", () -> tick(startUrl)), 0, config.interval.toMilliseconds(), TimeUnit.MILLISECONDS);
        LOG.info("Demo on: source '{}' at {}, a job every {}", config.sourceName, startUrl, config.interval);
    }

    void tick(String startUrl) {
        try {
            Source source = sources.findByName(config.sourceName).orElseGet(() -> sources.insert(demoSource(startUrl)));
            if (source.enabled()) {
                queue.enqueueUnlessActive(source.id(), JobQueue.SCRAPING);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not queue the demo job", e);
        }
    }

    private Source demoSource(String startUrl) {
        Instant now = clock.instant();
        return new Source(0, config.sourceName, startUrl, DEMO_SELECTORS, 5, 200, true, now, now);
    }
}
