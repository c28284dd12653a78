package com.krleads.scraper.metrics.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledFamiliesTest {
    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void eachDeclarationIsBoundOnceByItsTypeInTheGivenOrder() {
        LabelledFamilies families = LabelledFamilies.bind(registry,
                List.of(MetricCatalog.QUEUE_SIZE, MetricCatalog.HTTP_REQUESTS, MetricCatalog.HTTP_REQUEST_DURATION));

        assertThat(families.all()).extracting(LabelledFamily::family).containsExactly(
                MetricCatalog.QUEUE_SIZE, MetricCatalog.HTTP_REQUESTS, MetricCatalog.HTTP_REQUEST_DURATION);
        assertThat(families.counters(MetricCatalog.HTTP_REQUESTS)).isSameAs(families.counters(MetricCatalog.HTTP_REQUESTS));
        assertThat(families.gauges(MetricCatalog.QUEUE_SIZE).labels("scraping")).isInstanceOf(LabelledGauge.class);
        assertThat(families.histograms(MetricCatalog.HTTP_REQUEST_DURATION).labels("GET", "/")).isInstanceOf(BucketHistogram.class);
        assertThat(registry.getMetrics()).hasSize(2);
    }

    @Test
    void aFamilyBoundTwiceIsRefused() {
        assertThatThrownBy(() -> LabelledFamilies.bind(registry, List.of(MetricCatalog.HTTP_REQUESTS, MetricCatalog.HTTP_REQUESTS)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFamilyNotBoundOrOfAnotherTypeIsRefusedAtLookup() {
        LabelledFamilies families = LabelledFamilies.bind(registry, List.of(MetricCatalog.HTTP_REQUESTS));

        assertThatThrownBy(() -> families.counters(MetricCatalog.SCRAPING_JOBS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> families.gauges(MetricCatalog.HTTP_REQUESTS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> families.histograms(MetricCatalog.HTTP_REQUESTS)).isInstanceOf(IllegalArgumentException.class);
    }
}
