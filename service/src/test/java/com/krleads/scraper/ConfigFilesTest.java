package com.krleads.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.EnrichmentMode;
import com.krleads.scraper.config.SecretFileLookup;
import com.krleads.scraper.health.AdminHealthResponderFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.health.DefaultHealthFactory;
import io.dropwizard.health.HealthCheckConfiguration;
import io.dropwizard.health.HealthCheckType;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both shipped configuration files load and validate, and differ where they must. */
class ConfigFilesTest {

    @Test
    void developmentRunsOnEmbeddedH2WithTheDemo() throws Exception {
        LeadScraperConfiguration config = load("../config.yml", Map.of());
        assertThat(config.database.getDriverClass()).isEqualTo("org.h2.Driver");
        assertThat(config.database.getUrl()).startsWith("jdbc:h2:file:./data/");
        assertThat(port(config, true)).isEqualTo(8080);
        assertThat(port(config, false)).isEqualTo(8081);
        assertThat(config.scraper.allowPrivateAddresses).isTrue();
        assertThat(config.demo.enabled).isTrue();
        assertThat(config.worker.enabled).isTrue();
    }

    @Test
    void developmentRunsWithoutKeysAndThereforeOnLoopbackOnly() throws Exception {
        LeadScraperConfiguration config = load("../config.yml", Map.of());
        assertThat(config.auth.enabled).isFalse();
        assertThat(connector(config, true).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(connector(config, false).getBindHost()).isEqualTo("127.0.0.1");

        LeadScraperConfiguration container = load("../config.yml", Map.of("APP_BIND_HOST", "0.0.0.0",
                "ADMIN_BIND_HOST", "0.0.0.0"));
        assertThat(connector(container, true).getBindHost()).isEqualTo("0.0.0.0");
        assertThat(connector(container, false).getBindHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void productionRequiresKeysAndClosesTheAdminExtras() throws Exception {
        LeadScraperConfiguration config = load("../config-prod.yml", Map.of("API_KEYS_FILE", "/run/keys"));
        assertThat(config.auth.enabled).isTrue();
        assertThat(config.auth.keysFile).isEqualTo("/run/keys");
        assertThat(config.adminEndpoints.tasks).isFalse();
        assertThat(config.adminEndpoints.threadDump).isFalse();
        assertThat(config.adminEndpoints.cpuProfile).isFalse();
        assertThat(config.adminEndpoints.metricsJson).isFalse();
        assertThat(config.limits.minDelay.toMilliseconds()).isEqualTo(1000);
        assertThat(config.limits.jobsPerKey).isEqualTo(30);
        assertThat(config.limits.jobsPerKeyPeriod.toSeconds()).isEqualTo(3600);

        LeadScraperConfiguration debugging = load("../config-prod.yml", Map.of("ADMIN_DIAGNOSTICS_ENABLED", "true"));
        assertThat(debugging.adminEndpoints.tasks).isTrue();
        assertThat(debugging.adminEndpoints.threadDump).isTrue();
        assertThat(debugging.adminEndpoints.cpuProfile).isTrue();
    }

    @Test
    void productionUsesPostgresLoopbackAdminAndJsonLogs() throws Exception {
        LeadScraperConfiguration config = load("../config-prod.yml", Map.of());
        assertThat(config.database.getDriverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(adminConnector(config).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(config.scraper.allowPrivateAddresses).isFalse();
        assertThat(config.demo.enabled).isFalse();
        DefaultLoggingFactory logging = (DefaultLoggingFactory) config.getLoggingFactory();
        ConsoleAppenderFactory<?> console = (ConsoleAppenderFactory<?>) logging.getAppenders().get(0);
        assertThat(console.getLayout()).isInstanceOf(EventJsonLayoutBaseFactory.class);
    }

    /** Readiness follows this replica's database only; a shared condition never takes every replica out. */
    @Test
    void productionReadinessIsTheDatabaseAndGoesDownBeforeShutdown() throws Exception {
        LeadScraperConfiguration config = load("../config-prod.yml", Map.of("SHUTDOWN_WAIT_PERIOD", "7s"));
        DefaultHealthFactory health = (DefaultHealthFactory) config.getHealthFactory().orElseThrow();
        assertThat(health.isDelayedShutdownHandlerEnabled()).isTrue();
        assertThat(health.getShutdownWaitPeriod().toSeconds()).isEqualTo(7);
        assertThat(health.getHealthResponderFactory()).isInstanceOf(AdminHealthResponderFactory.class);
        assertThat(health.getHealthCheckConfigurations())
                .filteredOn(check -> check.getType() == HealthCheckType.READY && check.isCritical())
                .extracting(HealthCheckConfiguration::getName).containsExactly("database");
        assertThat(health.getHealthCheckConfigurations())
                .filteredOn(check -> check.getType() == HealthCheckType.ALIVE && check.isCritical())
                .extracting(HealthCheckConfiguration::getName).containsExactly("deadlocks");
        assertThat(health.getHealthCheckConfigurations()).extracting(HealthCheckConfiguration::getName)
                .contains("queue");
    }

    @Test
    void operatorSettingsReadTheEnvironment() throws Exception {
        LeadScraperConfiguration config = load("../config-prod.yml", Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.internal:5432/leads", "WORKER_ENABLED", "false",
                "WORKER_THREADS", "8", "ADMIN_BIND_HOST", "0.0.0.0", "SCRAPER_ALLOW_PRIVATE_ADDRESSES", "true",
                "WORKER_LEASE_DURATION", "6s", "WORKER_POLL_INTERVAL", "500ms"));
        assertThat(config.database.getUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/leads");
        assertThat(config.worker.enabled).isFalse();
        assertThat(config.worker.threads).isEqualTo(8);
        assertThat(config.worker.leaseDuration.toMilliseconds()).isEqualTo(6000);
        assertThat(config.worker.pollInterval.toMilliseconds()).isEqualTo(500);
        assertThat(adminConnector(config).getBindHost()).isEqualTo("0.0.0.0");
        assertThat(config.scraper.allowPrivateAddresses).isTrue();
    }

    @Test
    void productionTakesTheDatabasePasswordFromAFileAndBoundsReads(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("app_password"), "from-a-file\n");
        StringSubstitutor substitutor = new StringSubstitutor(new SecretFileLookup(Map.of(
                "DATABASE_USER", "leads_app", "DATABASE_PASSWORD_FILE", secret.toString())::get));
        LeadScraperConfiguration config = load("../config-prod.yml", substitutor);
        assertThat(config.database.getUser()).isEqualTo("leads_app");
        assertThat(config.database.getPassword()).isEqualTo("from-a-file");
        assertThat(config.limits.queryTimeout.toSeconds()).isEqualTo(10);
        assertThat(config.limits.readsPerKey).isEqualTo(100);
        assertThat(config.limits.readsPerKeyPeriod.toSeconds()).isEqualTo(1);
        assertThat(config.worker.queuePoolSize).isEqualTo(6);
    }

    @Test
    void enrichmentModeOffIsAModeNotABoolean() throws Exception {
        LeadScraperConfiguration config = load("../config.yml", Map.of("ENRICHMENT_MODE", "off"));
        assertThat(config.enrichment.mode).isEqualTo(EnrichmentMode.OFF);
    }

    private static LeadScraperConfiguration load(String path, Map<String, String> environment) throws Exception {
        return load(path, new StringSubstitutor(environment));
    }

    private static LeadScraperConfiguration load(String path, StringSubstitutor substitutor) throws Exception {
        substitutor.setValueDelimiter(":-");
        YamlConfigurationFactory<LeadScraperConfiguration> factory = new YamlConfigurationFactory<>(
                LeadScraperConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor), path);
    }

    private static int port(LeadScraperConfiguration config, boolean application) {
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        return ((HttpConnectorFactory) (application ? server.getApplicationConnectors() : server.getAdminConnectors())
                .get(0)).getPort();
    }

    private static HttpConnectorFactory connector(LeadScraperConfiguration config, boolean application) {
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();
        return (HttpConnectorFactory) (application ? server.getApplicationConnectors() : server.getAdminConnectors())
                .get(0);
    }

    private static HttpConnectorFactory adminConnector(LeadScraperConfiguration config) {
        return (HttpConnectorFactory) ((DefaultServerFactory) config.getServerFactory()).getAdminConnectors().get(0);
    }
}
