package com.krleads.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Events counted by one series of a catalog family, narrowed by label matchers: the good or the
 * total events of a service level indicator.
 */
public record EventSelector(MetricFamily family, String series, List<Matcher> matchers) {
    public EventSelector {
        Objects.requireNonNull(family);
        if (!family.seriesNames().contains(series)) {
            throw new IllegalArgumentException(series + " is not a series of " + family.name());
        }
        matchers = List.copyOf(matchers);
        for (Matcher matcher : matchers) {
            if (!family.labelNames().contains(matcher.label()) && !matcher.label().equals(Labels.LE)) {
                throw new IllegalArgumentException(family.name() + " has no label " + matcher.label());
            }
        }
    }

    /** Every event a counter counts. */
    public static EventSelector all(MetricFamily counter) {
        return new EventSelector(counter, counter.name(), List.of());
    }

    /** Observations of a histogram, all of them. */
    public static EventSelector observations(MetricFamily histogram) {
        return new EventSelector(histogram, histogram.count(), List.of());
    }

    /** Observations of a histogram at or below {@code bound}, which must be one of its buckets. */
    public static EventSelector observationsWithin(MetricFamily histogram, double bound) {
        boolean isBucket = java.util.Arrays.stream(histogram.buckets()).anyMatch(b -> b == bound);
        if (!isBucket) {
            throw new IllegalArgumentException(bound + " is not a bucket bound of " + histogram.name());
        }
        return new EventSelector(histogram, histogram.bucket(),
                List.of(new Matcher(Labels.LE, Matcher.Op.EQUAL, MetricFamily.bucketLabel(bound))));
    }

    public EventSelector where(String label, Matcher.Op op, String value) {
        List<Matcher> more = new java.util.ArrayList<>(matchers);
        more.add(new Matcher(label, op, value));
        return new EventSelector(family, series, more);
    }

    /** One label matcher, as PromQL writes it: {@code label op "value"}. */
    public record Matcher(String label, Op op, String value) {
        public enum Op {
            EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

            private final String symbol;

            Op(String symbol) {
                this.symbol = symbol;
            }

            public String symbol() {
                return symbol;
            }
        }
    }
}
