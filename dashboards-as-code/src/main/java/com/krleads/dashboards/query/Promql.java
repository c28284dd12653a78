package com.krleads.dashboards.query;

import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricFamily;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds PromQL from catalog names. A dashboard instance adds {@code instance=~"$instance"} to
 * every selector, so every panel follows the instance variable; a rules instance adds nothing.
 * Aggregations are written {@code sum(...) by (label)}, as the operators' own queries are.
 */
public final class Promql {
    /** The rate window of every panel and rule: the one the operators' queries use. */
    public static final String WINDOW = "5m";

    private final List<String> always;

    private Promql(List<String> always) {
        this.always = List.copyOf(always);
    }

    /** Selectors also match the dashboard's {@code $instance} variable. */
    public static Promql forDashboards() {
        return new Promql(List.of(matchRegex(Labels.INSTANCE, "$instance")));
    }

    /** Selectors exactly as given (recording and alerting rules). */
    public static Promql forRules() {
        return new Promql(List.of());
    }

    public static String matchEqual(String label, String value) {
        return label + "=\"" + value + "\"";
    }

    public static String matchRegex(String label, String regex) {
        return label + "=~\"" + regex + "\"";
    }

    public static String matchNotRegex(String label, String regex) {
        return label + "!~\"" + regex + "\"";
    }

    public static String matchNotEqual(String label, String value) {
        return label + "!=\"" + value + "\"";
    }

    /** A series selector: {@code name{matchers..., always...}}, or the bare name with no matchers. */
    public String select(String series, String... matchers) {
        List<String> all = new ArrayList<>(List.of(matchers));
        all.addAll(always);
        return all.isEmpty() ? series : series + "{" + String.join(",", all) + "}";
    }

    /** {@code rate(series{...}[5m])}. */
    public String rate(String series, String... matchers) {
        return rateOver(WINDOW, series, matchers);
    }

    public String rateOver(String window, String series, String... matchers) {
        return "rate(" + select(series, matchers) + "[" + window + "])";
    }

    public String increaseOver(String window, String series, String... matchers) {
        return "increase(" + select(series, matchers) + "[" + window + "])";
    }

    /** The q-quantile of a histogram, from its buckets summed over every other label. */
    public String histogramQuantile(double q, MetricFamily histogram, String... by) {
        List<String> labels = new ArrayList<>(List.of(by));
        labels.add(Labels.LE);
        return "histogram_quantile(" + number(q) + ", "
                + sum(rate(histogram.bucket()), labels.toArray(String[]::new)) + ")";
    }

    /** Mean observation over the window: rate of {@code _sum} over rate of {@code _count}. */
    public String average(MetricFamily histogram, String... by) {
        return sum(rate(histogram.sum()), by) + " / " + sum(rate(histogram.count()), by);
    }

    public static String sum(String expr, String... by) {
        return aggregate("sum", expr, by);
    }

    public static String max(String expr, String... by) {
        return aggregate("max", expr, by);
    }

    public static String min(String expr, String... by) {
        return aggregate("min", expr, by);
    }

    public static String count(String expr, String... by) {
        return aggregate("count", expr, by);
    }

    /** The expression, or 0 where it has no series: a ratio of 5xx on a healthy service is 0, not "No data". */
    public static String orZero(String expr) {
        return "(" + expr + " or vector(0))";
    }

    public static String topk(int k, String expr) {
        return "topk(" + k + ", " + expr + ")";
    }

    /** {@code {{label}}} placeholders for a legend, separated by spaces. */
    public static String legend(String... labels) {
        List<String> parts = new ArrayList<>();
        for (String label : labels) {
            parts.add("{{" + label + "}}");
        }
        return String.join(" ", parts);
    }

    private static String aggregate(String op, String expr, String... by) {
        String base = op + "(" + expr + ")";
        return by.length == 0 ? base : base + " by (" + String.join(", ", by) + ")";
    }

    /** 0.95 as {@code 0.95}, 1.0 as {@code 1}: no trailing zeros. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
