package com.krleads.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import org.junit.jupiter.api.Test;

class PromqlTest {
    private static final String INSTANCE = Labels.INSTANCE + "=~\"$instance\"";
    private final Promql dashboards = Promql.forDashboards();
    private final Promql rules = Promql.forRules();

    @Test
    void dashboardSelectorsAlwaysFollowTheInstanceVariable() {
        String name = MetricCatalog.QUEUE_SIZE.name();
        assertThat(dashboards.select(name)).isEqualTo(name + "{" + INSTANCE + "}");
        assertThat(dashboards.select(name, Promql.matchEqual(Labels.QUEUE_NAME, "q")))
                .isEqualTo(name + "{" + Labels.QUEUE_NAME + "=\"q\"," + INSTANCE + "}");
        assertThat(rules.select(name)).isEqualTo(name);
    }

    @Test
    void histogramQuantileSumsBucketsByTheGivenLabelsAndLe() {
        String bucket = MetricCatalog.HTTP_REQUEST_DURATION.bucket();
        assertThat(rules.histogramQuantile(0.95, MetricCatalog.HTTP_REQUEST_DURATION, Labels.ENDPOINT))
                .isEqualTo("histogram_quantile(0.95, sum(rate(" + bucket + "[5m])) by (" + Labels.ENDPOINT + ", " + Labels.LE + "))");
    }

    @Test
    void averageDividesTheSumRateByTheCountRate() {
        var family = MetricCatalog.HTTP_REQUEST_DURATION;
        assertThat(rules.average(family))
                .isEqualTo("sum(rate(" + family.sum() + "[5m])) / sum(rate(" + family.count() + "[5m]))");
    }

    @Test
    void aggregationsAndLegends() {
        assertThat(Promql.sum("x", "a", "b")).isEqualTo("sum(x) by (a, b)");
        assertThat(Promql.max("x")).isEqualTo("max(x)");
        assertThat(Promql.topk(10, "x")).isEqualTo("topk(10, x)");
        assertThat(Promql.legend("a", "b")).isEqualTo("{{a}} {{b}}");
        assertThat(Promql.number(0.5)).isEqualTo("0.5");
        assertThat(Promql.number(1.0)).isEqualTo("1");
        assertThat(Promql.matchNotRegex("a", "5..")).isEqualTo("a!~\"5..\"");
    }
}
