package com.krleads.scraper;

import com.krleads.metrics.LabelValues.HealthCheckName;
import com.krleads.scraper.auth.AdminEndpointsFilter;
import com.krleads.scraper.auth.ApiAuth;
import com.krleads.scraper.cli.KeysCommand;
import com.krleads.scraper.cli.MigrateCommand;
import com.krleads.scraper.config.SecretFileLookup;
import com.krleads.scraper.config.WorkerConfig;
import com.krleads.scraper.core.job.JobCreation;
import com.krleads.scraper.core.job.JobRunner;
import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.core.job.ReportingElection;
import com.krleads.scraper.core.lead.LeadStore;
import com.krleads.scraper.core.limit.KeyRateLimiter;
import com.krleads.scraper.core.limit.TokenBucket;
import com.krleads.scraper.core.net.PolitenessDelay;
import com.krleads.scraper.core.net.UrlGuard;
import com.krleads.scraper.core.quality.JobQualityService;
import com.krleads.scraper.core.quality.QualityRules;
import com.krleads.scraper.core.scrape.ScrapeJobRunner;
import com.krleads.scraper.db.AdvisoryLockElection;
import com.krleads.scraper.db.DatabaseClock;
import com.krleads.scraper.db.DatabaseMigrations;
import com.krleads.scraper.db.DuplicateDao;
import com.krleads.scraper.db.DuplicateReview;
import com.krleads.scraper.db.JdbiLeadStore;
import com.krleads.scraper.db.JdbiQualityStore;
import com.krleads.scraper.db.JobDao;
import com.krleads.scraper.db.LeadDao;
import com.krleads.scraper.db.QueuePool;
import com.krleads.scraper.db.SharedHostPacer;
import com.krleads.scraper.db.SharedKeyAllowance;
import com.krleads.scraper.db.SourceDao;
import com.krleads.scraper.demo.DemoJobs;
import com.krleads.scraper.demo.DemoSite;
import com.krleads.scraper.health.AdminHealthResponderFactory;
import com.krleads.scraper.health.DatabaseHealthCheck;
import com.krleads.scraper.health.OllamaHealthCheck;
import com.krleads.scraper.health.QueueHealthCheck;
import com.krleads.scraper.logging.RequestIdFilter;
import com.krleads.scraper.metrics.KnownSources;
import com.krleads.scraper.metrics.PrometheusMetrics;
import com.krleads.scraper.metrics.QueueSizeReporter;
import com.krleads.scraper.queue.JobQueue;
import com.krleads.scraper.resources.DuplicateResource;
import com.krleads.scraper.resources.JobResource;
import com.krleads.scraper.resources.LeadResource;
import com.krleads.scraper.resources.SourceResource;
import com.krleads.scraper.resources.SourceValidator;
import com.krleads.scraper.resources.errors.ApiExceptionMapper;
import com.krleads.scraper.resources.errors.JettyErrorHandler;
import com.krleads.scraper.resources.errors.QueryTimeoutMapper;
import com.krleads.scraper.resources.errors.ViolationMapper;
import com.krleads.scraper.resources.errors.WebErrorMapper;
import com.krleads.scraper.resources.filters.HostAllowListFilter;
import com.krleads.scraper.resources.filters.JsonContentTypeFilter;
import com.krleads.scraper.resources.filters.ReadLimitFilter;
import com.krleads.scraper.resources.filters.RequestSizeLimitFilter;
import com.krleads.scraper.resources.json.MalformedJsonMapper;
import com.krleads.scraper.resources.json.StrictJson;
import com.krleads.scraper.resources.json.UnreadableJsonMapper;
import com.krleads.scraper.worker.WorkerPool;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

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
        EnvironmentVariableSubstitutor environment = new EnvironmentVariableSubstitutor(false);
        environment.setVariableResolver(new SecretFileLookup(System::getenv));
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), environment));
        bootstrap.addCommand(new MigrateCommand());
        bootstrap.addCommand(new KeysCommand());
    }

    @Override
    public void run(LeadScraperConfiguration config, Environment environment) {
        Clock clock = Clock.systemUTC();
        WorkerConfig workerConfig = config.worker;
        StrictJson.configure(environment.getObjectMapper());
        PrometheusMetrics metrics = PrometheusMetrics.install(config.metrics, environment);
        PipelineEvents events = metrics.events();

        ManagedDataSource dataSource = config.database.build(environment.metrics(), "database");
        if (config.migrateOnStart) {
            DatabaseMigrations.migrate(dataSource);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, config.database, dataSource, "database");
        jdbi.getConfig(SqlStatements.class).setQueryTimeout(queryTimeoutSeconds(config));
        DataSourceFactory queuePool = QueuePool.settings(config.database, workerConfig.queuePoolSize);
        Jdbi queueJdbi = new JdbiFactory().build(environment, queuePool, QueuePool.NAME);
        // The factory's ping checks give way to ours, which also proves the schema is there.
        environment.healthChecks().unregister(HealthCheckName.DATABASE.label());
        environment.healthChecks().unregister(QueuePool.NAME);

        SourceDao sources = jdbi.onDemand(SourceDao.class);
        JobDao jobs = jdbi.onDemand(JobDao.class);
        LeadDao leads = jdbi.onDemand(LeadDao.class);
        DuplicateDao duplicates = jdbi.onDemand(DuplicateDao.class);
        // Leases are granted by one replica and judged by another: they read the database's clock.
        JobQueue queue = new JobQueue(queueJdbi, new DatabaseClock(queueJdbi), workerConfig.maxAttempts,
                workerConfig.retryBackoff.toJavaDuration());
        LeadStore leadStore = new JdbiLeadStore(jdbi, clock, config.dedup.nameSimilarityThreshold);
        UrlGuard urlGuard = config.scraper.urlGuard();
        JdbiQualityStore qualityStore = new JdbiQualityStore(jdbi);
        JobQualityService quality = new JobQualityService(qualityStore, new QualityRules(config.quality.yieldDropShare,
                config.quality.coverageDropShare, config.quality.minBaselineCoverage), config.quality.baselineJobs, clock);

        JobRunner runner = ScrapeJobRunner.create(config.scraper, config.enrichment, config.verification,
                leadStore, events, new SharedHostPacer(jdbi));
        WorkerPool workers = new WorkerPool(queue, sources, runner, events, new WorkerPool.Settings(
                JobQueue.SCRAPING, workerConfig.threads, workerConfig.pollInterval.toJavaDuration(),
                workerConfig.leaseDuration.toJavaDuration(), workerConfig.shutdownGrace.toJavaDuration(),
                config.scraper.jobTimeout.toJavaDuration().plus(workerConfig.deadlineGrace.toJavaDuration())))
                .recordQualityWith(quality);
        if (workerConfig.enabled) {
            environment.lifecycle().manage(workers);
        }

        environment.servlets().addFilter("host-allow-list", new HostAllowListFilter(config.api.allowedHosts))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment.servlets().addFilter("request-size-limit",
                        new RequestSizeLimitFilter(RequestSizeLimitFilter.DEFAULT_LIMIT))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        RequestIdFilter.install(environment);
        ApiAuth.install(config.auth, environment, events);
        List<String> healthPaths = AdminHealthResponderFactory.install(config, environment);
        AdminEndpointsFilter.install(config.adminEndpoints, healthPaths, environment);
        JettyErrorHandler.install(environment);
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new QueryTimeoutMapper(queryTimeoutSeconds(config)));
        environment.jersey().register(new ReadLimitFilter(new KeyRateLimiter(config.limits.readsPerKey,
                config.limits.readsPerKeyPeriod.toJavaDuration())));
        environment.jersey().register(new MalformedJsonMapper());
        environment.jersey().register(new UnreadableJsonMapper());
        environment.jersey().register(new WebErrorMapper());
        environment.jersey().register(new ViolationMapper());
        environment.jersey().register(new JsonContentTypeFilter());
        SourceValidator validator = new SourceValidator(urlGuard, config.scraper.allowPrivateAddresses,
                config.scraper.maxPagesLimit, new PolitenessDelay(config.limits.minDelay.toMilliseconds()));
        environment.jersey().register(new SourceResource(sources, jobs, validator, clock, qualityStore, events));
        JobCreation jobCreation = new JobCreation(sources::findById, new SharedKeyAllowance(jdbi,
                new TokenBucket(config.limits.jobsPerKey, config.limits.jobsPerKeyPeriod.toJavaDuration())),
                queue.forCreation(JobQueue.SCRAPING));
        environment.jersey().register(new JobResource(jobCreation, queue, jobs, qualityStore));
        environment.jersey().register(new LeadResource(leads, sources));
        environment.jersey().register(new DuplicateResource(duplicates, new DuplicateReview(jdbi, clock)));

        environment.healthChecks().register(HealthCheckName.DATABASE.label(), new DatabaseHealthCheck(jdbi));
        environment.healthChecks().register(HealthCheckName.QUEUE.label(), new QueueHealthCheck(queue,
                JobQueue.SCRAPING, workerConfig.maxQueuedAge.toJavaDuration(), workerConfig.enabled ? workers.configuredCount() : 0,
                workers::aliveCount));
        if (config.enrichment.callsOllama()) {
            environment.healthChecks().register(HealthCheckName.OLLAMA.label(),
                    new OllamaHealthCheck(config.enrichment.ollamaBaseUrl, OllamaHealthCheck.DEFAULT_TIMEOUT));
        }

        QueueSizeReporter queueSizeReporter = new QueueSizeReporter(queue.isPostgres()
                ? AdvisoryLockElection.forDatabase(config.database) : ReportingElection.ALWAYS_LEADER);
        environment.lifecycle().manage(queueSizeReporter);
        metrics.queueSizes(queue::countQueued, queueSizeReporter::reportsNow, JobQueue.SCRAPING);
        metrics.queueOldestJobAges(name -> queue.oldestQueuedAge(name).toMillis() / 1000.0,
                queueSizeReporter::reportsNow, JobQueue.SCRAPING);
        if (metrics.enabled()) {
            environment.lifecycle().manage(new KnownSources(sources::names, events,
                    environment.lifecycle().scheduledExecutorService("known-sources").build(),
                    config.metrics.sourceRefreshInterval.toJavaDuration()));
        }
        metrics.workersActive(JobQueue.SCRAPING, workers::busyCount);
        metrics.sourceHealth(qualityStore::enabledSources, queueSizeReporter::reportsNow);

        if (config.demo.enabled) {
            DemoSite.register(environment);
            DemoJobs demoJobs = new DemoJobs(config.demo, sources, queue, clock, events,
                    environment.lifecycle().scheduledExecutorService("demo-jobs").build());
            environment.lifecycle().addServerLifecycleListener(server -> demoJobs.startOn(getLocalPort(server)));
        }
    }

    private static int queryTimeoutSeconds(LeadScraperConfiguration config) {
        return (int) Math.max(1, config.limits.queryTimeout.toSeconds());
    }

    private static int getLocalPort(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
