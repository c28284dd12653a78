package com.krleads.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When two query endpoints agree on one expression: the same series (label sets) and values within
 * a tolerance. The receiver holds the very samples the scraper holds, so it must agree exactly. On
 * VictoriaMetrics, an expression without range functions must agree exactly too; with them, MetricsQL
 * and PromQL compute differently: PromQL extrapolates the samples inside the window to its edges,
 * MetricsQL starts from the last sample before the window and divides by the time the samples cover.
 * With steady traffic over a window of four scrape intervals, the two estimate the same rate and
 * differ by the traffic's jitter across one scrape interval at each edge: {@link #RANGE_FUNCTIONS}.
 */
final class Agreement {
    static final double EXACT = 1e-9;
    static final double RANGE_FUNCTIONS = 0.25;
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)(ms|s|m|h|d|w)\\]");

    private Agreement() {
    }

    /** The tolerance for {@code expr} between Prometheus and VictoriaMetrics. */
    static double prometheusVersusMetricsql(String expr) {
        return RANGE.matcher(expr).find() ? RANGE_FUNCTIONS : EXACT;
    }

    /** The longest range selector of {@code expr}, zero when it has none. */
    static Duration longestRange(String expr) {
        Duration longest = Duration.ZERO;
        Matcher m = RANGE.matcher(expr);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }

    /** What differs between two answers, empty when they agree within {@code relative}. */
    static List<String> differences(QueryResult reference, QueryResult other, double relative) {
        List<String> found = new ArrayList<>();
        if (!reference.ok() || !other.ok()) {
            found.add("error: " + reference.error() + " / " + other.error());
            return found;
        }
        Set<String> onlyOne = new TreeSet<>(reference.series().keySet());
        onlyOne.addAll(other.series().keySet());
        onlyOne.removeIf(key -> reference.series().containsKey(key) && other.series().containsKey(key));
        if (!onlyOne.isEmpty()) {
            found.add("series on one side only: " + onlyOne);
        }
        for (Map.Entry<String, Double> series : reference.series().entrySet()) {
            Double theirs = other.series().get(series.getKey());
            if (theirs != null && !close(series.getValue(), theirs, relative)) {
                found.add(series.getKey() + ": " + series.getValue() + " vs " + theirs);
            }
        }
        return found;
    }

    static boolean close(double a, double b, double relative) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return a == b || Math.abs(a - b) <= EXACT + relative * Math.max(Math.abs(a), Math.abs(b));
    }
}
