package com.krleads.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.config.MetricsConfig;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/** config.yml reads the metrics flags from exactly the environment variables the docs name. */
class MetricsConfigYamlTest {

    @Test
    void defaultsWhenNoVariableIsSet() throws Exception {
        MetricsConfig metrics = load(Map.of());

        assertThat(metrics.prometheusEnabled).isTrue();
        assertThat(metrics.endpointEnabled).isTrue();
        assertThat(metrics.includeLabels).isTrue();
        assertThat(metrics.multiprocDir).isNullOrEmpty();
        assertThat(metrics.maxLabelValues).isEqualTo(200);
    }

    @Test
    void eachFlagReadsItsVariable() throws Exception {
        MetricsConfig metrics = load(Map.of(
                "PROMETHEUS_ENABLED", "false",
                "METRICS_ENDPOINT_ENABLED", "false",
                "METRICS_INCLUDE_LABELS", "false",
                "PROMETHEUS_MULTIPROC_DIR", "prometheus-multiproc",
                "METRICS_MAX_LABEL_VALUES", "25"));

        assertThat(metrics.prometheusEnabled).isFalse();
        assertThat(metrics.endpointEnabled).isFalse();
        assertThat(metrics.includeLabels).isFalse();
        assertThat(metrics.multiprocDir).isEqualTo("prometheus-multiproc");
        assertThat(metrics.maxLabelValues).isEqualTo(25);
    }

    private static MetricsConfig load(Map<String, String> environment) throws Exception {
        StringSubstitutor substitutor = new StringSubstitutor(environment);
        substitutor.setValueDelimiter(":-");
        YamlConfigurationFactory<LeadScraperConfiguration> factory = new YamlConfigurationFactory<>(
                LeadScraperConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        LeadScraperConfiguration config = factory.build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor), "../config.yml");
        return config.metrics;
    }
}
