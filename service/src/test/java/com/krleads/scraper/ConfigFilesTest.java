package com.krleads.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.EnrichmentMode;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

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

    @Test
    void operatorSettingsReadTheEnvironment() throws Exception {
        LeadScraperConfiguration config = load("../config-prod.yml", Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.internal:5432/leads", "WORKER_ENABLED", "false",
                "WORKER_THREADS", "8", "ADMIN_BIND_HOST", "0.0.0.0", "SCRAPER_ALLOW_PRIVATE_ADDRESSES", "true"));
        assertThat(config.database.getUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/leads");
        assertThat(config.worker.enabled).isFalse();
        assertThat(config.worker.threads).isEqualTo(8);
        assertThat(adminConnector(config).getBindHost()).isEqualTo("0.0.0.0");
        assertThat(config.scraper.allowPrivateAddresses).isTrue();
    }

    @Test
    void enrichmentModeOffIsAModeNotABoolean() throws Exception {
        LeadScraperConfiguration config = load("../config.yml", Map.of("ENRICHMENT_MODE", "off"));
        assertThat(config.enrichment.mode).isEqualTo(EnrichmentMode.OFF);
    }

    private static LeadScraperConfiguration load(String path, Map<String, String> environment) throws Exception {
        StringSubstitutor substitutor = new StringSubstitutor(environment);
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

    private static HttpConnectorFactory adminConnector(LeadScraperConfiguration config) {
        return (HttpConnectorFactory) ((DefaultServerFactory) config.getServerFactory()).getAdminConnectors().get(0);
    }
}
