package com.krleads.scraper;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.krleads.scraper.cli.MigrateCommand;
import com.krleads.scraper.config.WorkerConfig;
import com.krleads.scraper.core.JobRunner;
import com.krleads.scraper.core.LeadStore;
import com.krleads.scraper.core.PipelineEvents;
import com.krleads.scraper.core.UrlGuard;
import com.krleads.scraper.db.DatabaseMigrations;
import com.krleads.scraper.db.DuplicateDao;
import com.krleads.scraper.db.DuplicateReview;
import com.krleads.scraper.db.JdbiLeadStore;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.LeadDao;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.health.DatabaseHealthCheck;
import com.krleads.scraper.health.QueueHealthCheck;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.resources.ApiExceptionMapper;
import com.krleads.scraper.resources.DuplicateResource;
import com.krleads.scraper.resources.JobResource;
import com.krleads.scraper.resources.LeadResource;
import com.krleads.scraper.resources.MalformedJsonMapper;
import com.krleads.scraper.resources.RequestSizeLimitFilter;
import com.krleads.scraper.resources.SourceResource;
import com.krleads.scraper.resources.SourceValidator;
import com.krleads.scraper.resources.UnreadableJsonMapper;
import com.krleads.scraper.resources.WebErrorMapper;
import com.krleads.scraper.worker.MissingJobRunner;
import com.krleads.scraper.worker.WorkerPool;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import org.jdbi.v3.core.Jdbi;

public class LeadScraperApplication extends Application<LeadScraperConfiguration> {

    public static void main(String[] args) throws Exception {
        new LeadScraperApplication().run(args);
    }

    @Override
    public String getName() {
        return "kr-lead-scraper";
    }

    @Override
    public void initialize(Bootstrap<LeadScraperConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new MigrateCommand());
    }

    @Override
    public void run(LeadScraperConfiguration config, Environment environment) {
        Clock clock = Clock.systemUTC();
        WorkerConfig workerConfig = config.worker;
        environment.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        ManagedDataSource dataSource = config.database.build(environment.metrics(), "database");
        if (config.migrateOnStart) {
            DatabaseMigrations.migrate(dataSource);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, config.database, dataSource, "database");
        // The factory's ping check gives way to ours, which also proves the schema is there.
        environment.healthChecks().unregister("database");

        SourceDao sources = jdbi.onDemand(SourceDao.class);
        JobDao jobs = jdbi.onDemand(JobDao.class);
        LeadDao leads = jdbi.onDemand(LeadDao.class);
        DuplicateDao duplicates = jdbi.onDemand(DuplicateDao.class);
        JobQueue queue = new JobQueue(jdbi, clock, workerConfig.maxAttempts,
                workerConfig.retryBackoff.toJavaDuration());
        LeadStore leadStore = new JdbiLeadStore(jdbi, clock, config.dedup.nameSimilarityThreshold);
        UrlGuard urlGuard = new UrlGuard(config.scraper.allowPrivateAddresses);

        PipelineEvents events = pipelineEvents(config, environment);
        JobRunner runner = jobRunner(config, environment, leadStore, urlGuard, events);
        WorkerPool workers = new WorkerPool(queue, sources, runner, events, new WorkerPool.Settings(
                JobQueue.SCRAPING, workerConfig.threads, workerConfig.pollInterval.toJavaDuration(),
                workerConfig.leaseDuration.toJavaDuration(), workerConfig.shutdownGrace.toJavaDuration()));
        if (workerConfig.enabled) {
            environment.lifecycle().manage(workers);
        }

        environment.servlets().addFilter("request-size-limit",
                        new RequestSizeLimitFilter(RequestSizeLimitFilter.DEFAULT_LIMIT))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new MalformedJsonMapper());
        environment.jersey().register(new UnreadableJsonMapper());
        environment.jersey().register(new WebErrorMapper());
        SourceValidator validator = new SourceValidator(urlGuard, config.scraper.allowPrivateAddresses,
                config.scraper.maxPagesLimit);
        environment.jersey().register(new SourceResource(sources, jobs, validator, clock));
        environment.jersey().register(new JobResource(queue, jobs, sources));
        environment.jersey().register(new LeadResource(leads, sources));
        environment.jersey().register(new DuplicateResource(duplicates, new DuplicateReview(jdbi, clock)));

        environment.healthChecks().register("database", new DatabaseHealthCheck(jdbi));
        environment.healthChecks().register("queue", new QueueHealthCheck(queue, JobQueue.SCRAPING,
                workerConfig.maxQueuedAge.toJavaDuration(), workerConfig.enabled, workers::aliveCount));

        registerMetrics(config, environment, queue, workers);
    }

    /**
     * Where the pipeline's events go. The metrics work returns its recorder here; until then
     * nothing is recorded.
     */
    protected PipelineEvents pipelineEvents(LeadScraperConfiguration config, Environment environment) {
        return PipelineEvents.NONE;
    }

    /**
     * The scraping pipeline that runs each job. Until the pipeline is wired, every job fails
     * with "no job runner configured": no results are ever made up.
     */
    protected JobRunner jobRunner(LeadScraperConfiguration config, Environment environment, LeadStore leadStore,
                                  UrlGuard urlGuard, PipelineEvents events) {
        return new MissingJobRunner();
    }

    /**
     * Gauges read the queue and the workers: {@link JobQueue#countQueued(String)},
     * {@link JobQueue#oldestQueuedAge(String)}, {@link WorkerPool#busyCount()} and
     * {@link WorkerPool#aliveCount()}. The metrics work registers them here.
     */
    protected void registerMetrics(LeadScraperConfiguration config, Environment environment, JobQueue queue,
                                   WorkerPool workers) {
    }
}
