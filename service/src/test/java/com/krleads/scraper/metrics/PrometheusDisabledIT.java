package com.krleads.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.job.PipelineEvents;
import com.krleads.scraper.metrics.app.MetricsTestApplication;
import com.krleads.scraper.metrics.app.MetricsTestConfiguration;
import com.krleads.scraper.metrics.bridge.LabelledMetric;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PROMETHEUS_ENABLED=false: nothing is recorded and no /metrics is served. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusDisabledIT {
    static final DropwizardAppExtension<MetricsTestConfiguration> APP = new DropwizardAppExtension<>(
            MetricsTestApplication.class, ResourceHelpers.resourceFilePath("metrics-test-app.yml"),
            ConfigOverride.config("prometheus.prometheusEnabled", "false"));
    private static final AdminScraper HTTP = new AdminScraper();

    @Test
    void nothingIsRecordedAndTheEndpointIsGone() {
        assertThat(HTTP.get(APP.getLocalPort(), "/api/jobs/1").statusCode()).isEqualTo(200);
        MetricsTestApplication app = APP.getApplication();

        assertThat(app.metrics.enabled()).isFalse();
        assertThat(app.metrics.events()).isSameAs(PipelineEvents.NONE);
        assertThat(HTTP.get(APP.getAdminPort(), PrometheusMetrics.PROMETHEUS_PATH).statusCode()).isEqualTo(404);
        assertThat(APP.getEnvironment().metrics().getMetrics().values())
                .noneMatch(metric -> metric instanceof LabelledMetric);
        assertThat(HTTP.get(APP.getAdminPort(), PrometheusMetrics.JSON_PATH).statusCode()).isEqualTo(200);
    }
}
