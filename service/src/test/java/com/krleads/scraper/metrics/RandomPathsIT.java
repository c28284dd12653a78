package com.krleads.scraper.metrics;

import static com.krleads.metrics.Labels.ENDPOINT;
import static com.krleads.metrics.Labels.METHOD;
import static com.krleads.metrics.Labels.STATUS;
import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.scraper.metrics.app.MetricsTestApplication;
import com.krleads.scraper.metrics.app.MetricsTestConfiguration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cardinality guard of the HTTP families: unmatched paths share one endpoint value. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RandomPathsIT {
    static final DropwizardAppExtension<MetricsTestConfiguration> APP = new DropwizardAppExtension<>(
            MetricsTestApplication.class, ResourceHelpers.resourceFilePath("metrics-test-app.yml"));
    private static final int REQUESTS = 10_000;
    private static final AdminScraper HTTP = new AdminScraper();

    @Test
    void tenThousandRandomPathsAddNoSeries() {
        Random random = new Random(7);
        HTTP.get(APP.getLocalPort(), "/warm-up/" + random.nextLong());
        ParsedScrape before = HTTP.scrape(APP.getAdminPort());

        for (int i = 0; i < REQUESTS; i++) {
            String path = "/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt(1000) + "?q=" + i;
            assertThat(HTTP.get(APP.getLocalPort(), path).statusCode()).isEqualTo(404);
        }
        ParsedScrape after = HTTP.scrape(APP.getAdminPort());

        assertThat(ourSeries(after)).isEqualTo(ourSeries(before));
        assertThat(after.value(HTTP_REQUESTS.name(), METHOD, "GET", ENDPOINT, Labels.UNMATCHED, STATUS, "404"))
                .isEqualTo(REQUESTS + 1);
        System.out.printf("Series after %d random paths: %d of our families, %d in the whole scrape (before: %d and %d)%n",
                REQUESTS, ourSeries(after), after.series.size(), ourSeries(before), before.series.size());
    }

    private static long ourSeries(ParsedScrape scrape) {
        Set<String> names = MetricCatalog.ALL.stream().flatMap(f -> f.seriesNames().stream()).collect(Collectors.toSet());
        return scrape.series.stream().filter(s -> names.contains(s.name())).count();
    }

}
