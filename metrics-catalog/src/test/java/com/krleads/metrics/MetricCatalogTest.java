package com.krleads.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Test
    void namesAndLabelsAreValidAndUnique() {
        Set<String> series = new HashSet<>();
        for (MetricFamily family : MetricCatalog.ALL) {
            assertThat(family.name()).matches(METRIC_NAME);
            family.labelNames().forEach(label -> assertThat(label).matches(LABEL_NAME).doesNotStartWith("__"));
            family.seriesNames().forEach(name -> assertThat(series.add(name)).as("series %s declared twice", name).isTrue());
        }
        assertThat(MetricCatalog.ALL).hasSize(27);
        for (MetricFamily family : KnownSeries.ALL) {
            assertThat(family.name()).matches(METRIC_NAME);
            family.seriesNames().forEach(name -> assertThat(series.add(name)).as("series %s declared twice", name).isTrue());
        }
    }

    @Test
    void histogramsExposeBucketSumAndCount() {
        assertThat(MetricCatalog.HTTP_REQUEST_DURATION.seriesNames()).containsExactly(
                "http_request_duration_seconds_bucket", "http_request_duration_seconds_sum",
                "http_request_duration_seconds_count");
        assertThat(MetricCatalog.HTTP_REQUEST_DURATION.buckets()).startsWith(0.005).endsWith(10.0);
        assertThat(MetricCatalog.SCRAPING_JOB_DURATION.buckets()).endsWith(3600.0);
    }

    @Test
    void contractLabelsAreExact() {
        assertThat(MetricCatalog.HTTP_REQUESTS.labelNames()).containsExactly("method", "endpoint", "status");
        assertThat(MetricCatalog.QUEUE_JOBS.labelNames()).containsExactly("queue_name", "status");
        assertThat(LabelValues.DuplicateAction.AUTO_MERGE.label()).isEqualTo("auto_merge");
        assertThat(MetricCatalog.QUEUE_OLDEST_JOB_AGE.name()).isEqualTo("queue_oldest_job_age_seconds");
        assertThat(MetricCatalog.QUEUE_OLDEST_JOB_AGE.labelNames()).containsExactly("queue_name");
        assertThat(MetricCatalog.BUILD_INFO.name()).isEqualTo("build_info");
        assertThat(MetricCatalog.BUILD_INFO.labelNames()).containsExactly("version", "revision");
    }

    @Test
    void counterWithoutTotalSuffixIsRefused() {
        assertThatThrownBy(() -> MetricFamily.counter("requests", "help"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_total");
        assertThatThrownBy(() -> MetricCatalog.HTTP_REQUESTS.bucket()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void baseNameDropsOnlyACountersTotal() {
        assertThat(MetricCatalog.HTTP_REQUESTS.baseName()).isEqualTo("http_requests");
        assertThat(MetricCatalog.HTTP_REQUEST_DURATION.baseName()).isEqualTo("http_request_duration_seconds");
        assertThat(MetricCatalog.QUEUE_SIZE.baseName()).isEqualTo("queue_size");
    }
}
