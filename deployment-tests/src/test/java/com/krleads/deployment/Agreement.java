package com.krleads.deployment;

import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricType;
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
 * a tolerance.
 * <ul>
 * <li>The receiver holds the very samples the scraper holds: it must agree exactly.</li>
 * <li>VictoriaMetrics agrees on expressions without a range to {@link #STORED} of the value (its
 * compression may change the last of 16 digits). With a range W, MetricsQL
 * computes {@code rate} and {@code increase} from the last sample before the window to the last one
 * inside it and does not extrapolate; PromQL takes the samples inside the window and extrapolates
 * them to its edges. Each may so count one scrape interval s more or less at each edge: the answers
 * may differ by 2 s / W of the larger one, plus two events (2 for an increase, 2 / W for a rate).
 * A quantile is interpolated inside the bucket its rank falls in, and one observation more or less
 * in the window moves that rank into a neighbouring bucket, or further when the buckets between got
 * nothing in the window: quantiles must lie in the same bucket of the catalog's histogram or in
 * adjacent ones, or else the bucket rates they are computed from ({@link #quantileInputs}) must
 * agree as any rate does.</li>
 * <li>MetricsQL leaves NaN out of its answers, where Prometheus returns the series with NaN (for example
 * {@code histogram_quantile} over buckets that did not move): a NaN on one side and nothing on the
 * other both read "no data" and are taken as agreeing.</li>
 * </ul>
 */
final class Agreement {
    static final double EXACT = 1e-9;
    static final double STORED = 1e-12;
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)(ms|s|m|h|d|w)\\]");

    private Agreement() {
    }

    /** How far apart the scraper's and VictoriaMetrics' answers to {@code expr} may be. */
    static Tolerance prometheusVersusMetricsql(String expr, Duration scrapeInterval) {
        Duration shortest = shortestRange(expr);
        if (shortest.isZero()) {
            return new Tolerance(STORED, 0, null);
        }
        if (expr.contains("histogram_quantile")) {
            return new Tolerance(0, 0, bucketsOf(expr));
        }
        double w = shortest.toMillis() / 1000.0;
        double relative = 2 * scrapeInterval.toMillis() / 1000.0 / w;
        return new Tolerance(relative, expr.contains("increase(") ? 2 : 2 / w, null);
    }

    /**
     * |a - b| at most {@code relative} of the larger plus {@code absolute}; or, with {@code buckets},
     * a and b in the same or adjacent buckets.
     */
    record Tolerance(double relative, double absolute, double[] buckets) {
        static final Tolerance EXACTLY = new Tolerance(0, 0, null);

        boolean close(double a, double b) {
            if (buckets != null) {
                return Math.abs(bucket(a) - bucket(b)) <= 1;
            }
            return a == b || Math.abs(a - b) <= EXACT + absolute + relative * Math.max(Math.abs(a), Math.abs(b));
        }

        private int bucket(double v) {
            int i = 0;
            while (i < buckets.length && v > buckets[i]) {
                i++;
            }
            return i;
        }
    }

    /** The bucket bounds of the catalog histogram {@code expr} reads. */
    private static double[] bucketsOf(String expr) {
        return MetricCatalog.ALL.stream()
                .filter(f -> f.type() == MetricType.HISTOGRAM && expr.contains(f.bucket()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no catalog histogram in " + expr))
                .buckets();
    }

    /** The longest range selector of {@code expr}, zero when it has none. */
    static Duration longestRange(String expr) {
        Duration longest = Duration.ZERO;
        Matcher m = RANGE.matcher(expr);
        while (m.find()) {
            Duration d = duration(m);
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest;
    }

    private static Duration shortestRange(String expr) {
        Duration shortest = Duration.ZERO;
        Matcher m = RANGE.matcher(expr);
        while (m.find()) {
            Duration d = duration(m);
            shortest = shortest.isZero() || d.compareTo(shortest) < 0 ? d : shortest;
        }
        return shortest;
    }

    private static Duration duration(Matcher m) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    /**
     * The vector argument of each {@code histogram_quantile} in {@code expr}: the bucket rates by
     * {@code le} that the quantile is interpolated from.
     */
    static List<String> quantileInputs(String expr) {
        List<String> inputs = new ArrayList<>();
        String call = "histogram_quantile(";
        for (int at = expr.indexOf(call); at >= 0; at = expr.indexOf(call, at + 1)) {
            int depth = 1;
            int comma = -1;
            boolean quoted = false;
            int i = at + call.length();
            for (; i < expr.length() && depth > 0; i++) {
                char c = expr.charAt(i);
                if (c == '"' && expr.charAt(i - 1) != '\\') {
                    quoted = !quoted;
                } else if (!quoted && c == '(') {
                    depth++;
                } else if (!quoted && c == ')') {
                    depth--;
                } else if (!quoted && c == ',' && depth == 1 && comma < 0) {
                    comma = i;
                }
            }
            if (depth != 0 || comma < 0) {
                throw new IllegalArgumentException("unbalanced histogram_quantile in " + expr);
            }
            inputs.add(expr.substring(comma + 1, i - 1).trim());
        }
        return inputs;
    }

    /** What differs between two answers, empty when they agree within {@code tolerance}. */
    static List<String> differences(QueryResult reference, QueryResult other, Tolerance tolerance) {
        List<String> found = new ArrayList<>();
        if (!reference.ok() || !other.ok()) {
            found.add("error: " + reference.error() + " / " + other.error());
            return found;
        }
        Map<String, Double> ours = reference.withoutNaN();
        Map<String, Double> theirs = other.withoutNaN();
        Set<String> onlyReference = new TreeSet<>(ours.keySet());
        onlyReference.removeAll(theirs.keySet());
        Set<String> onlyOther = new TreeSet<>(theirs.keySet());
        onlyOther.removeAll(ours.keySet());
        if (!onlyReference.isEmpty() || !onlyOther.isEmpty()) {
            found.add("series only in the reference: " + onlyReference + ", only in the other: " + onlyOther);
        }
        for (Map.Entry<String, Double> series : ours.entrySet()) {
            Double value = theirs.get(series.getKey());
            if (value != null && !tolerance.close(series.getValue(), value)) {
                found.add(series.getKey() + ": " + series.getValue() + " vs " + value);
            }
        }
        return found;
    }

}
