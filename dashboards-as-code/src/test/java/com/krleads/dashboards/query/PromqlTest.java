package com.krleads.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.Settings;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import org.junit.jupiter.api.Test;

class PromqlTest {
    private static final String DASHBOARD = Labels.JOB + "=~\"$job\"," + Labels.INSTANCE + "=~\"$instance\"";
    private static final String RULE = Labels.JOB + "=\"" + Settings.SCRAPE_JOB + "\"";
    private final Promql dashboards = Promql.forDashboards();
    private final Promql rules = Promql.forRules();

    @Test
    void dashboardSelectorsFollowTheJobAndInstanceVariables() {
        String name = MetricCatalog.QUEUE_SIZE.name();
        assertThat(dashboards.select(name)).isEqualTo(name + "{" + DASHBOARD + "}");
        assertThat(dashboards.select(name, Promql.matchEqual(Labels.QUEUE_NAME, "q")))
                .isEqualTo(name + "{" + Labels.QUEUE_NAME + "=\"q\"," + DASHBOARD + "}");
    }

    @Test
    void ruleSelectorsCarryTheFixedJobUnlessGivenAnother() {
        String name = MetricCatalog.QUEUE_SIZE.name();
        assertThat(rules.select(name)).isEqualTo(name + "{" + RULE + "}");
        assertThat(rules.select(name, Promql.matchEqual(Labels.JOB, "other")))
                .isEqualTo(name + "{" + Labels.JOB + "=\"other\"}");
        assertThat(rules.select(name, RULE)).isEqualTo(name + "{" + RULE + "}");
    }

    @Test
    void dashboardsUseGrafanasWindowsAndRulesTheFixedOne() {
        String counter = MetricCatalog.HTTP_REQUESTS.name();
        assertThat(dashboards.rate(counter)).isEqualTo("rate(" + counter + "{" + DASHBOARD + "}[$__rate_interval])");
        assertThat(dashboards.increase(counter)).isEqualTo("increase(" + counter + "{" + DASHBOARD + "}[$__rate_interval])");
        assertThat(dashboards.increaseInRange(counter)).isEqualTo("increase(" + counter + "{" + DASHBOARD + "}[$__range])");
        assertThat(rules.rate(counter)).isEqualTo("rate(" + counter + "{" + RULE + "}[5m])");
    }

    @Test
    void histogramQuantileSumsBucketsByTheGivenLabelsAndLeWhereTheCountMoved() {
        String bucket = MetricCatalog.HTTP_REQUEST_DURATION.bucket();
        String count = MetricCatalog.HTTP_REQUEST_DURATION.count();
        assertThat(rules.histogramQuantile(0.95, MetricCatalog.HTTP_REQUEST_DURATION, Labels.ENDPOINT))
                .isEqualTo("histogram_quantile(0.95, sum(rate(" + bucket + "{" + RULE + "}[5m])) by ("
                        + Labels.ENDPOINT + ", " + Labels.LE + ")) and on (" + Labels.ENDPOINT + ") (sum(rate("
                        + count + "{" + RULE + "}[5m])) by (" + Labels.ENDPOINT + ") > 0)");
        assertThat(rules.histogramQuantile(0.5, MetricCatalog.HTTP_REQUEST_DURATION))
                .isEqualTo("histogram_quantile(0.5, sum(rate(" + bucket + "{" + RULE + "}[5m])) by (" + Labels.LE
                        + ")) and (sum(rate(" + count + "{" + RULE + "}[5m])) > 0)");
    }

    @Test
    void averageDividesTheSumRateByTheCountRateWhenThereIsOne() {
        var family = MetricCatalog.HTTP_REQUEST_DURATION;
        assertThat(rules.average(family)).isEqualTo("sum(rate(" + family.sum() + "{" + RULE + "}[5m])) / (sum(rate("
                + family.count() + "{" + RULE + "}[5m])) > 0)");
    }

    @Test
    void ratiosGuardTheirDenominatorAndZeroFollowsAReference() {
        assertThat(Promql.ratio("a", "b")).isEqualTo("a / (b > 0)");
        assertThat(Promql.orZeroWhere("a", "b")).isEqualTo("(a or 0 * b)");
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
        assertThat(Promql.selector("x")).isEqualTo("x");
        assertThat(Promql.selector("x", "a=\"b\"")).isEqualTo("x{a=\"b\"}");
    }
}
