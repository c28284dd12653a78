package com.krleads.scraper.metrics.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricCatalog;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketHistogramTest {
    private final BucketHistogram histogram =
            LabelledFamily.histograms(MetricCatalog.HTTP_REQUEST_DURATION, new MetricRegistry()).labels("GET", "/x");

    @Test
    void bucketsAreCumulativeAndInfEqualsCountAndSumIsTheTotal() {
        Random random = new Random(42);
        double total = 0;
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            double value = random.nextDouble() * 12;
            histogram.observe(value);
            total += value;
        }
        long[] cumulative = histogram.cumulativeCounts();

        assertThat(cumulative).hasSize(MetricCatalog.HTTP_REQUEST_DURATION.buckets().length + 1);
        for (int i = 1; i < cumulative.length; i++) {
            assertThat(cumulative[i]).isGreaterThanOrEqualTo(cumulative[i - 1]);
        }
        assertThat(cumulative[cumulative.length - 1]).isEqualTo(n).isEqualTo(histogram.getCount());
        assertThat(histogram.sum()).isCloseTo(total, within(1e-6));
    }

    @Test
    void aValueOnABoundCountsInThatBucketAsPrometheusLeSays() {
        histogram.observe(0.005);
        histogram.observe(0.0051);
        histogram.observe(10);
        histogram.observe(10.5);

        long[] cumulative = histogram.cumulativeCounts();
        assertThat(cumulative[0]).isEqualTo(1);
        assertThat(cumulative[1]).isEqualTo(2);
        assertThat(cumulative[cumulative.length - 2]).isEqualTo(3);
        assertThat(cumulative[cumulative.length - 1]).isEqualTo(4);
    }

    @Test
    void nanosAreRecordedAsSeconds() {
        histogram.observeNanos(250_000_000L);

        assertThat(histogram.sum()).isEqualTo(0.25);
        assertThat(histogram.cumulativeCounts()[4]).isZero();
        assertThat(histogram.cumulativeCounts()[5]).isEqualTo(1);
    }

    @Test
    void jsonSnapshotInterpolatesQuantilesInsideBuckets() {
        for (double value : List.of(0.2, 0.2, 0.3, 0.3)) {
            histogram.observe(value);
        }

        assertThat(histogram.getSnapshot().getMean()).isCloseTo(0.25, within(1e-9));
        assertThat(histogram.getSnapshot().getValue(0.25)).isCloseTo(0.175, within(1e-9));
        assertThat(histogram.getSnapshot().getMedian()).isCloseTo(0.25, within(1e-9));
        assertThat(histogram.getSnapshot().getValue(1.0)).isCloseTo(0.5, within(1e-9));
        assertThat(histogram.getSnapshot().size()).isEqualTo(4);
    }
}
