package com.krleads.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.MetricCatalog;
import com.krleads.scraper.metrics.app.MetricsTestApplication;
import com.krleads.scraper.metrics.app.MetricsTestConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** METRICS_ENDPOINT_ENABLED=false: still recorded (JSON view), but /metrics is 404. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsEndpointDisabledIT {
    static final DropwizardAppExtension<MetricsTestConfiguration> APP = new DropwizardAppExtension<>(
            MetricsTestApplication.class, ResourceHelpers.resourceFilePath("metrics-test-app.yml"),
            ConfigOverride.config("prometheus.endpointEnabled", "false"));
    private static final AdminScraper HTTP = new AdminScraper();

    @Test
    void metricsIsNotFoundWhileTheJsonViewStillCounts() {
        assertThat(HTTP.get(APP.getLocalPort(), "/api/jobs/1").statusCode()).isEqualTo(200);

        assertThat(HTTP.get(APP.getAdminPort(), PrometheusMetrics.PROMETHEUS_PATH).statusCode()).isEqualTo(404);
        assertThat(HTTP.get(APP.getAdminPort(), PrometheusMetrics.JSON_PATH).body())
                .contains(MetricCatalog.HTTP_REQUESTS.name() + "{");
    }
}
