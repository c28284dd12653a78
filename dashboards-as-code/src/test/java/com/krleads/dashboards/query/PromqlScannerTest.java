package com.krleads.dashboards.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.query.PromqlScanner.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner the linter and the catalog checks share: selectors, and the names derived from them. */
class PromqlScannerTest {
    @Test
    void selectorsKnowTheirMatchersRangeAndFunction() {
        List<Selector> selectors = PromqlScanner.of(
                "histogram_quantile(0.95, sum(rate(a_bucket{b=~\"x|y\",c!=\"{d}\"}[5m])) by (z)) / on (f) (g > 0) or vector(0)").selectors();
        assertThat(selectors).hasSize(2);
        assertThat(selectors.get(0).name()).isEqualTo("a_bucket");
        assertThat(selectors.get(0).range()).isEqualTo("5m");
        assertThat(selectors.get(0).call()).isEqualTo("rate");
        assertThat(selectors.get(0).hasMatcher("c", "!=", "{d}")).isTrue();
        assertThat(selectors.get(1).name()).isEqualTo("g");
        assertThat(selectors.get(1).range()).isNull();
        assertThat(selectors.get(1).call()).isNull();
        assertThat(PromqlScanner.of("a unless (a offset $__rate_interval)").selectors()).extracting(Selector::name).containsExactly("a", "a");
    }

    @Test
    void tokenizerSeparatesMetricsLabelsAndFunctions() {
        PromqlNames names = PromqlNames.of(
                "histogram_quantile(0.95, sum(rate(a_bucket{b=~\"x|y\",c!=\"{d}\"}[5m:1m])) by (e, h)) > 1 unless on (f) g offset 5m");
        assertThat(names.metrics()).containsExactlyInAnyOrder("a_bucket", "g");
        assertThat(names.labels()).containsExactlyInAnyOrder("b", "c", "e", "h", "f");
        assertThat(names.functions()).containsExactlyInAnyOrder("histogram_quantile", "sum", "rate");
        assertThat(PromqlNames.of("a unless (a offset $__rate_interval)").metrics()).containsExactly("a");
    }
}
