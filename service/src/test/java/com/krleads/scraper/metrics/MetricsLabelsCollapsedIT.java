package com.krleads.scraper.metrics;

import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static com.krleads.metrics.MetricCatalog.SCRAPING_RESULTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.ResultType;
import com.krleads.metrics.Labels;
import com.krleads.scraper.metrics.app.MetricsTestApplication;
import com.krleads.scraper.metrics.app.MetricsTestConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** METRICS_INCLUDE_LABELS=false collapses endpoint and source; a PROMETHEUS_MULTIPROC_DIR does not stop start-up. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MetricsLabelsCollapsedIT {
    static final DropwizardAppExtension<MetricsTestConfiguration> APP = new DropwizardAppExtension<>(
            MetricsTestApplication.class, ResourceHelpers.resourceFilePath("metrics-test-app.yml"),
            ConfigOverride.config("prometheus.includeLabels", "false"),
            ConfigOverride.config("prometheus.multiprocDir", "prometheus-multiproc"));
    private static final AdminScraper HTTP = new AdminScraper();

    @Test
    void endpointAndSourceCollapseToOneValue() {
        HTTP.get(APP.getLocalPort(), "/api/jobs/1");
        HTTP.get(APP.getLocalPort(), "/api/boom");
        HTTP.get(APP.getLocalPort(), "/no/such/path");
        MetricsTestApplication app = APP.getApplication();
        app.metrics.events().itemStored("seoul", ResultType.NEW);
        app.metrics.events().itemStored("busan", ResultType.NEW);

        ParsedScrape scrape = HTTP.scrape(APP.getAdminPort());

        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, Labels.COLLAPSED, STATUS, "200")).isEqualTo(1);
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, Labels.COLLAPSED, STATUS, "500")).isEqualTo(1);
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, Labels.COLLAPSED, STATUS, "404")).isEqualTo(1);
        // The server errors of each method's collapsed route exist at 0 from the start.
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, Labels.COLLAPSED, STATUS, "503")).isZero();
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "POST", ENDPOINT, Labels.COLLAPSED, STATUS, "500")).isZero();
        assertThat(scrape.value(HTTP_REQUESTS.name(), METHOD, "POST", ENDPOINT, Labels.COLLAPSED, STATUS, "503")).isZero();
        assertThat(scrape.named(HTTP_REQUESTS.name())).hasSize(6);
        assertThat(scrape.named(SCRAPING_RESULTS.name())).singleElement()
                .satisfies(series -> assertThat(series.labels()).containsEntry(SOURCE, Labels.COLLAPSED));
        assertThat(scrape.value(SCRAPING_RESULTS.name(), SOURCE, Labels.COLLAPSED, "result_type", "new")).isEqualTo(2);
    }
}
