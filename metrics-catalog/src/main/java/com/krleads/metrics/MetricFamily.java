package com.krleads.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One metric family: its exposed name, type, help text, label names and, for histograms,
 * the upper bounds of its buckets (without +Inf). Declared once, in {@link MetricCatalog}
 * or {@link KnownSeries}; everything else refers to these objects.
 */
public final class MetricFamily {
    private static final String TOTAL = "_total";

    private final String name;
    private final MetricType type;
    private final String help;
    private final List<String> labelNames;
    private final double[] buckets;

    MetricFamily(String name, MetricType type, String help, List<String> labelNames, double[] buckets) {
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.help = Objects.requireNonNull(help);
        this.labelNames = List.copyOf(labelNames);
        this.buckets = buckets.clone();
        if (type == MetricType.HISTOGRAM && buckets.length == 0) {
            throw new IllegalArgumentException(name + ": a histogram needs buckets");
        }
        for (int i = 1; i < buckets.length; i++) {
            if (buckets[i] <= buckets[i - 1]) {
                throw new IllegalArgumentException(name + ": buckets must increase");
            }
        }
    }

    static MetricFamily counter(String name, String help, String... labels) {
        if (!name.endsWith(TOTAL)) {
            throw new IllegalArgumentException(name + ": a counter's name ends in _total");
        }
        return new MetricFamily(name, MetricType.COUNTER, help, List.of(labels), new double[0]);
    }

    static MetricFamily gauge(String name, String help, String... labels) {
        return new MetricFamily(name, MetricType.GAUGE, help, List.of(labels), new double[0]);
    }

    static MetricFamily histogram(String name, String help, double[] buckets, String... labels) {
        return new MetricFamily(name, MetricType.HISTOGRAM, help, List.of(labels), buckets);
    }

    static MetricFamily summary(String name, String help, String... labels) {
        return new MetricFamily(name, MetricType.SUMMARY, help, List.of(labels), new double[0]);
    }

    /** The family name as exposed: counters include their {@code _total} suffix. */
    public String name() {
        return name;
    }

    /**
     * The name without a counter's {@code _total}: what the Prometheus client calls the family,
     * and the {@code metric} part of a recording rule's {@code level:metric:operations} name.
     */
    public String baseName() {
        return type == MetricType.COUNTER ? name.substring(0, name.length() - TOTAL.length()) : name;
    }

    public MetricType type() {
        return type;
    }

    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    /** Bucket upper bounds, ascending, without +Inf; empty unless a histogram. */
    public double[] buckets() {
        return buckets.clone();
    }

    /** Series name of the cumulative buckets of a histogram: {@code name_bucket}. */
    public String bucket() {
        return requireType(MetricType.HISTOGRAM) + "_bucket";
    }

    /** Series name of the sum of observations of a histogram or summary. */
    public String sum() {
        return requireObservations() + "_sum";
    }

    /** Series name of the count of observations of a histogram or summary. */
    public String count() {
        return requireObservations() + "_count";
    }

    /**
     * A bucket bound as the {@code le} label value the service exposes it: Java's shortest
     * decimal form, {@code 0.5} or {@code 1.0} (what the Prometheus client writes).
     */
    public static String bucketLabel(double bound) {
        return Double.toString(bound);
    }

    /** Every series name this family exposes (one for counters and gauges). */
    public List<String> seriesNames() {
        return switch (type) {
            case HISTOGRAM -> List.of(bucket(), sum(), count());
            case SUMMARY -> List.of(name, sum(), count());
            default -> List.of(name);
        };
    }

    private String requireType(MetricType wanted) {
        if (type != wanted) {
            throw new IllegalStateException(name + " is a " + type.exposition() + ", not a " + wanted.exposition());
        }
        return name;
    }

    private String requireObservations() {
        if (type != MetricType.HISTOGRAM && type != MetricType.SUMMARY) {
            throw new IllegalStateException(name + " has no _sum or _count");
        }
        return name;
    }

    @Override
    public String toString() {
        return name + " (" + type.exposition() + ", labels " + labelNames + ", buckets " + Arrays.toString(buckets) + ")";
    }
}
