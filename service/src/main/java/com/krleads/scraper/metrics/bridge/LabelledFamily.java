package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricFamily;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * A catalog family and its children, one per label set, each registered in the Dropwizard
 * {@link MetricRegistry}. Look a child up once and keep it where the labels are fixed: the
 * lookup itself builds a key.
 */
public final class LabelledFamily<C extends Metric & LabelledMetric> {
    private static final Comparator<LabelledMetric> BY_LABELS = (a, b) -> {
        List<String> x = a.labelValues();
        List<String> y = b.labelValues();
        for (int i = 0; i < x.size(); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final MetricFamily family;
    private final MetricRegistry registry;
    private final BiFunction<MetricFamily, List<String>, C> factory;
    private final ConcurrentHashMap<List<String>, C> children = new ConcurrentHashMap<>();
    private volatile BooleanSupplier exported = () -> true;

    private LabelledFamily(MetricFamily family, MetricRegistry registry, BiFunction<MetricFamily, List<String>, C> factory) {
        this.family = family;
        this.registry = registry;
        this.factory = factory;
    }

    public static LabelledFamily<LabelledCounter> counters(MetricFamily family, MetricRegistry registry) {
        return new LabelledFamily<>(family, registry, LabelledCounter::new);
    }

    public static LabelledFamily<LabelledGauge> gauges(MetricFamily family, MetricRegistry registry) {
        return new LabelledFamily<>(family, registry, LabelledGauge::new);
    }

    public static LabelledFamily<BucketHistogram> histograms(MetricFamily family, MetricRegistry registry) {
        return new LabelledFamily<>(family, registry, BucketHistogram::new);
    }

    public MetricFamily family() {
        return family;
    }

    /** The child for these label values, created and registered on first use. */
    public C labels(String... values) {
        List<String> key = List.of(values);
        C child = children.get(key);
        return child != null ? child : children.computeIfAbsent(key, this::create);
    }

    private C create(List<String> values) {
        if (values.size() != family.labelNames().size()) {
            throw new IllegalArgumentException(family.name() + " takes labels " + family.labelNames() + ", got " + values);
        }
        C child = factory.apply(family, values);
        registry.register(registryName(values), child);
        return child;
    }

    /** Drops the children whose label {@code labelName} is {@code value}, here and in the Dropwizard registry. */
    public void remove(String labelName, String value) {
        int index = family.labelNames().indexOf(labelName);
        if (index < 0) {
            throw new IllegalArgumentException(family.name() + " has no label " + labelName);
        }
        for (List<String> key : List.copyOf(children.keySet())) {
            if (key.get(index).equals(value) && children.remove(key) != null) {
                registry.remove(registryName(key));
            }
        }
    }

    /** Children sorted by label values, so that every scrape lists them in the same order. */
    public List<C> children() {
        List<C> sorted = new ArrayList<>(children.values());
        sorted.sort(BY_LABELS);
        return sorted;
    }

    /** From now on the family's series are exported only while {@code condition} holds, asked at each scrape. */
    public void exportWhen(BooleanSupplier condition) {
        this.exported = condition;
    }

    /** Whether this scrape exports the family's series; asked once per scrape. */
    public boolean exported() {
        return exported.getAsBoolean();
    }

    public int size() {
        return children.size();
    }

    Collection<C> unsortedChildren() {
        return children.values();
    }

    /** The name in Dropwizard's JSON view, for people only: the exposition never parses it. */
    private String registryName(List<String> values) {
        StringBuilder name = new StringBuilder(family.name()).append('{');
        for (int i = 0; i < values.size(); i++) {
            name.append(i == 0 ? "" : ",").append(family.labelNames().get(i)).append("=\"");
            Exposition.escapeLabelValue(values.get(i), name);
            name.append('"');
        }
        return name.append('}').toString();
    }
}
