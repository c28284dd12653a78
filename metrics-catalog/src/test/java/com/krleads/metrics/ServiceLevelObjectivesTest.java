package com.krleads.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.metrics.EventSelector.Matcher;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLevelObjectivesTest {
    @Test
    void threeObjectivesOverThirtyDays() {
        assertThat(ServiceLevelObjectives.ALL).extracting(ServiceLevelObjective::name)
                .containsExactly("api-availability", "api-latency", "scraping-success");
        assertThat(ServiceLevelObjectives.ALL).allSatisfy(slo -> assertThat(slo.period()).isEqualTo(Duration.ofDays(30)));
        assertThat(ServiceLevelObjectives.API_AVAILABILITY.errorBudget()).isEqualByComparingTo("0.005");
        assertThat(ServiceLevelObjectives.API_LATENCY.errorBudget()).isEqualByComparingTo("0.01");
        assertThat(ServiceLevelObjectives.SCRAPING_SUCCESS.errorBudget()).isEqualByComparingTo("0.05");
        assertThat(ServiceLevelObjectives.API_AVAILABILITY.objectivePercent()).isEqualTo("99.5%");
    }

    /** The latency objective's 0.5 s is a bucket bound, written as the service writes its le label. */
    @Test
    void latencyThresholdIsABucketOfTheRequestHistogram() {
        double threshold = ServiceLevelObjectives.LATENCY_THRESHOLD_SECONDS;
        assertThat(threshold).isEqualTo(0.5);
        assertThat(Arrays.stream(MetricCatalog.HTTP_REQUEST_DURATION.buckets()).boxed().toList()).contains(threshold);
        EventSelector good = ServiceLevelObjectives.API_LATENCY.good();
        assertThat(good.series()).isEqualTo(MetricCatalog.HTTP_REQUEST_DURATION.bucket());
        assertThat(good.matchers()).containsExactly(new Matcher(Labels.LE, Matcher.Op.EQUAL, "0.5"));
        assertThat(ServiceLevelObjectives.API_LATENCY.total().series()).isEqualTo(MetricCatalog.HTTP_REQUEST_DURATION.count());
    }

    @Test
    void aThresholdBetweenBucketsIsRefused() {
        assertThatThrownBy(() -> EventSelector.observationsWithin(MetricCatalog.HTTP_REQUEST_DURATION, 0.4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a bucket bound");
    }

    @Test
    void goodAndTotalCountTheSameFamily() {
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            assertThat(slo.good().family()).isSameAs(slo.total().family());
        }
        assertThat(ServiceLevelObjectives.SCRAPING_SUCCESS.total().matchers())
                .containsExactly(new Matcher(Labels.STATUS, Matcher.Op.REGEX, "completed|failed"));
        assertThatThrownBy(() -> EventSelector.all(MetricCatalog.HTTP_REQUESTS).where(Labels.SOURCE, Matcher.Op.EQUAL, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no label source");
    }

    @Test
    void objectiveMustBeARatio() {
        EventSelector all = EventSelector.all(MetricCatalog.HTTP_REQUESTS);
        for (String bad : List.of("0", "1", "99.5")) {
            assertThatThrownBy(() -> new ServiceLevelObjective("x", "x", new BigDecimal(bad), Duration.ofDays(30), all, all))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
