package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The arguments a quantile is computed from, found in a panel's expression. */
class AgreementTest {
    @Test
    void theBucketRatesOfEachQuantileAreFound() {
        String expr = "histogram_quantile(0.95, sum by (le, endpoint) (rate(http_request_duration_seconds_bucket"
                + "{job=~\"kr\",endpoint=\"/a,(b)\"}[8s]))) >= 0 or histogram_quantile(0.5, "
                + "sum by (le) (rate(x_bucket[8s])))";

        assertThat(Agreement.quantileInputs(expr)).containsExactly(
                "sum by (le, endpoint) (rate(http_request_duration_seconds_bucket{job=~\"kr\",endpoint=\"/a,(b)\"}[8s]))",
                "sum by (le) (rate(x_bucket[8s]))");
    }

    @Test
    void anExpressionWithoutAQuantileHasNone() {
        assertThat(Agreement.quantileInputs("sum(rate(x_total[8s]))")).isEmpty();
    }

    @Test
    void anUnbalancedQuantileIsRefused() {
        assertThatThrownBy(() -> Agreement.quantileInputs("histogram_quantile(0.9, sum(rate(x_bucket[8s]))"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
