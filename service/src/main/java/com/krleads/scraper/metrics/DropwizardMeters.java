package com.krleads.scraper.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dropwizard's built-in meters (Jetty, JDBI, Logback, thread pools) under sanitized names.
 * Counters can go down in Dropwizard, so they are gauges; meters are counters; timers and
 * histograms are summaries (timers in seconds). A name is exported once: names taken by our
 * families or the JVM collectors, and later clashes, are skipped. {@code jvm.*} is skipped
 * because {@code simpleclient_hotspot} exports the same facts.
 */
final class DropwizardMeters {
    private static final String TOTAL = "_total";
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private static final double SECONDS_PER_NANO = 1e-9;

    private final MetricRegistry registry;
    private final Set<String> reserved;

    DropwizardMeters(MetricRegistry registry, Set<String> reserved) {
        this.registry = registry;
        this.reserved = Set.copyOf(reserved);
    }

    List<MetricFamilySamples> samples() {
        Set<String> taken = new HashSet<>(reserved);
        List<MetricFamilySamples> families = new ArrayList<>();
        for (Map.Entry<String, Metric> entry : new TreeMap<>(registry.getMetrics()).entrySet()) {
            Metric metric = entry.getValue();
            if (metric instanceof LabelledMetric || entry.getKey().startsWith("jvm.")) {
                continue;
            }
            MetricFamilySamples family = convert(entry.getKey(), metric);
            if (family != null && taken.add(family.name)) {
                families.add(family);
            }
        }
        return families;
    }

    private static MetricFamilySamples convert(String dropwizardName, Metric metric) {
        String name = withoutTotal(sanitize(dropwizardName));
        String help = "Dropwizard metric " + dropwizardName;
        if (metric instanceof Gauge<?> gauge) {
            Double value = numeric(gauge);
            return value == null ? null : single(name, Collector.Type.GAUGE, help, name, value);
        }
        if (metric instanceof Counter counter) {
            return single(name, Collector.Type.GAUGE, help, name, counter.getCount());
        }
        if (metric instanceof Meter meter) {
            return single(name, Collector.Type.COUNTER, help, name + TOTAL, meter.getCount());
        }
        if (metric instanceof Timer timer) {
            return summary(name + "_seconds", help + " (seconds)", timer.getSnapshot(), timer.getCount(), SECONDS_PER_NANO);
        }
        if (metric instanceof Histogram histogram) {
            return summary(name, help, histogram.getSnapshot(), histogram.getCount(), 1);
        }
        return null;
    }

    private static Double numeric(Gauge<?> gauge) {
        Object value;
        try {
            value = gauge.getValue();
        } catch (RuntimeException e) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1.0 : 0.0;
        }
        return null;
    }

    private static MetricFamilySamples single(String family, Collector.Type type, String help, String sample, double value) {
        return new MetricFamilySamples(family, type, help, List.of(new Sample(sample, List.of(), List.of(), value)));
    }

    private static MetricFamilySamples summary(String name, String help, Snapshot snapshot, long count, double scale) {
        List<Sample> samples = new ArrayList<>();
        for (double quantile : QUANTILES) {
            samples.add(new Sample(name, List.of("quantile"), List.of(Collector.doubleToGoString(quantile)),
                    snapshot.getValue(quantile) * scale));
        }
        samples.add(new Sample(name + "_count", List.of(), List.of(), count));
        return new MetricFamilySamples(name, Collector.Type.SUMMARY, help, samples);
    }

    private static String withoutTotal(String name) {
        return name.endsWith(TOTAL) ? name.substring(0, name.length() - TOTAL.length()) : name;
    }

    /** {@code io.dropwizard.jetty.MutableServletContextHandler.2xx-responses} -> snake case, [a-z0-9_]. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        char previous = '_';
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
                out.append('_');
            }
            char lower = Character.toLowerCase(c);
            boolean allowed = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
            char next = allowed ? lower : '_';
            if (next != '_' || (out.length() > 0 && out.charAt(out.length() - 1) != '_')) {
                out.append(next);
            }
            previous = c;
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
