package com.krleads.dashboards.query;

import com.krleads.dashboards.Settings;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricFamily;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds PromQL from catalog names. Every selector carries the service's job: a dashboard
 * instance adds {@code job=~"$job", instance=~"$instance"} (the dashboard variables), a rules
 * instance adds the fixed {@code job="kr-lead-scraper"} of {@link Settings#SCRAPE_JOB}; a matcher
 * given for the same label wins. Aggregations are written {@code sum(...) by (label)}, as the
 * operators' own queries are.
 */
public final class Promql {
    /** The rate window of every rule: the one the operators' queries use. */
    public static final String WINDOW = "5m";
    /** Grafana's rate window: at least four scrape intervals, and never shorter than a step. */
    public static final String RATE_INTERVAL = "$__rate_interval";
    /** Grafana's selected time range, for "in the selected range" tiles. */
    public static final String RANGE = "$__range";

    private final List<String> always;
    private final String window;

    private Promql(String window, List<String> always) {
        this.window = window;
        this.always = List.copyOf(always);
    }

    /** Selectors follow the dashboard's {@code $job} and {@code $instance} variables; rates use {@code $__rate_interval}. */
    public static Promql forDashboards() {
        return new Promql(RATE_INTERVAL, List.of(
                matchRegex(Labels.JOB, variable(Labels.JOB)), matchRegex(Labels.INSTANCE, variable(Labels.INSTANCE))));
    }

    /**
     * Selectors follow only the dashboard's {@code $job}: for the recorded SLO series, which the
     * rules aggregate per job (so they carry no instance), and for Prometheus's ALERTS. The SLO
     * panels read these, exactly what the alerts evaluate.
     */
    public static Promql forJobLevelDashboards() {
        return new Promql(RATE_INTERVAL, List.of(matchRegex(Labels.JOB, variable(Labels.JOB))));
    }

    /**
     * Selectors of the probe's series on dashboards: the probe job of each selected job
     * ({@link Settings#PROBE_JOB_SUFFIX}); its instance is the probed address, not a replica.
     */
    public static Promql forProbeDashboards() {
        return new Promql(RATE_INTERVAL, List.of(
                matchRegex(Labels.JOB, "${" + Labels.JOB + "}" + Settings.PROBE_JOB_SUFFIX)));
    }

    /** Selectors carry the service's scrape job (recording and alerting rules); rates use {@link #WINDOW}. */
    public static Promql forRules() {
        return new Promql(WINDOW, List.of(matchEqual(Labels.JOB, Settings.SCRAPE_JOB)));
    }

    /** A dashboard variable as PromQL refers to it: {@code $name}. */
    public static String variable(String name) {
        return "$" + name;
    }

    /** A selector with exactly the given matchers, nothing added (for variable queries). */
    public static String selector(String series, String... matchers) {
        return matchers.length == 0 ? series : series + "{" + String.join(",", matchers) + "}";
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

    /** A series selector: {@code name{matchers..., always...}}; an added matcher gives way to a given one on its label. */
    public String select(String series, String... matchers) {
        List<String> all = new ArrayList<>(List.of(matchers));
        for (String matcher : always) {
            String label = labelOf(matcher);
            if (all.stream().noneMatch(m -> labelOf(m).equals(label))) {
                all.add(matcher);
            }
        }
        return selector(series, all.toArray(String[]::new));
    }

    private static String labelOf(String matcher) {
        int end = 0;
        while (end < matcher.length() && "=!~".indexOf(matcher.charAt(end)) < 0) {
            end++;
        }
        return matcher.substring(0, end);
    }

    /** {@code rate(series{...}[window])}: {@code $__rate_interval} on dashboards, {@link #WINDOW} in rules. */
    public String rate(String series, String... matchers) {
        return rateOver(window, series, matchers);
    }

    /** {@code increase(series{...}[window])}: the count per rate window (bar charts of fixed intervals). */
    public String increase(String series, String... matchers) {
        return increaseOver(window, series, matchers);
    }

    /** {@code increase(series{...}[$__range])}: the count in the dashboard's selected range. */
    public String increaseInRange(String series, String... matchers) {
        return increaseOver(RANGE, series, matchers);
    }

    public String rateOver(String window, String series, String... matchers) {
        return "rate(" + select(series, matchers) + "[" + window + "])";
    }

    public String increaseOver(String window, String series, String... matchers) {
        return "increase(" + select(series, matchers) + "[" + window + "])";
    }

    /**
     * The q-quantile of a histogram, from its buckets summed over every other label, kept only
     * where the histogram observed something in the window: an idle series (every bucket's rate
     * 0) has no quantile, so it drops out instead of showing NaN and a panel shows its noValue.
     * The guard is the count's rate, not a filter on the buckets, which would shift the
     * interpolation of the lowest remaining bucket.
     */
    public String histogramQuantile(double q, MetricFamily histogram, String... by) {
        List<String> labels = new ArrayList<>(List.of(by));
        labels.add(Labels.LE);
        String quantile = "histogram_quantile(" + number(q) + ", "
                + sum(rate(histogram.bucket()), labels.toArray(String[]::new)) + ")";
        String on = by.length == 0 ? "" : "on (" + String.join(", ", by) + ") ";
        return quantile + " and " + on + "(" + sum(rate(histogram.count()), by) + " > 0)";
    }

    /** Mean observation over the window: rate of {@code _sum} over rate of {@code _count}, no data while idle. */
    public String average(MetricFamily histogram, String... by) {
        return ratio(sum(rate(histogram.sum()), by), sum(rate(histogram.count()), by));
    }

    /**
     * {@code numerator / (denominator > 0)}: where the denominator is 0 (an idle system) the
     * result has no series, so the panel shows its noValue text instead of NaN.
     */
    public static String ratio(String numerator, String denominator) {
        return numerator + " / (" + denominator + " > 0)";
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

    /**
     * The expression, or 0 wherever {@code reference} has a series: a count of 5xx is 0, not
     * "No data", while requests were served. Unlike {@code or vector(0)}, whose 0 has no labels
     * and ignores every matcher, the 0 here exists only where the reference (filtered by the
     * same job and instance) does, so an idle or unknown job still reads as no data.
     */
    public static String orZeroWhere(String expr, String reference) {
        return "(" + expr + " or 0 * " + reference + ")";
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

    /** Selectors of another scrape job's series (Alertmanager's, for the alerts about alerting). */
    public static Promql forJob(String job) {
        return new Promql(WINDOW, List.of(matchEqual(Labels.JOB, job)));
    }
}
