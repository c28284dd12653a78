package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.dropwizard.samplebuilder.SampleBuilder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Dropwizard's built-in meters (Jetty, JDBI, Logback, thread pools), exported by
 * {@code simpleclient_dropwizard}'s {@link DropwizardExports}: counters as gauges (they can go
 * down), meters as counters, histograms and timers as summaries, timers in seconds.
 *
 * <p>The library does the mapping; this class adds the smallest adapter that keeps what the
 * exposition guaranteed before: a {@link MetricFilter} that leaves out our labelled children
 * (exported with their catalog types by {@link RegistryCollector}), {@code jvm.*} (the hotspot
 * collectors export the same facts) and any name already exported by our families, the JVM
 * collectors or an earlier Dropwizard name, so that no family appears twice; and a
 * {@link SampleBuilder} that keeps the names operators already query: snake case, no doubled
 * {@code _total}, and {@code _seconds} on timers (the library's default builder would give
 * {@code io_dropwizard_jetty_MutableServletContextHandler_...} and unit-less timers).
 */
final class DropwizardBuiltins {
    private static final String TOTAL = "_total";
    private static final String SECONDS = "_seconds";

    private final MetricRegistry registry;
    private final Set<String> reserved;
    private final DropwizardExports exports;
    /** Per scrape: the exported family name of each Dropwizard name that this scrape exports. */
    private volatile Map<String, String> exported = Map.of();

    DropwizardBuiltins(MetricRegistry registry, Set<String> reserved) {
        this.registry = registry;
        this.reserved = Set.copyOf(reserved);
        this.exports = new DropwizardExports(registry,
                (name, metric) -> exported.containsKey(name),
                (name, suffix, labelNames, labelValues, value) ->
                        new Sample(exported.get(name) + suffix, labelNames, labelValues, value));
    }

    List<MetricFamilySamples> samples() {
        exported = exportedNames();
        return exports.collect();
    }

    /** Which Dropwizard names this scrape exports, and under which family name; first name wins a clash. */
    private Map<String, String> exportedNames() {
        Map<String, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>(reserved);
        for (Map.Entry<String, Metric> entry : new TreeMap<>(registry.getMetrics()).entrySet()) {
            Metric metric = entry.getValue();
            if (metric instanceof LabelledMetric || entry.getKey().startsWith("jvm.")) {
                continue;
            }
            String family = familyName(entry.getKey(), metric);
            if (taken.add(family)) {
                names.put(entry.getKey(), family);
            }
        }
        return names;
    }

    private static String familyName(String dropwizardName, Metric metric) {
        String name = sanitize(dropwizardName);
        if (name.endsWith(TOTAL)) {
            name = name.substring(0, name.length() - TOTAL.length());
        }
        return metric instanceof Timer ? name + SECONDS : name;
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
