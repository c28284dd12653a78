package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricFamily;
import com.krleads.metrics.MetricType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Families bound to one Dropwizard {@link MetricRegistry}: each created once, from its
 * declaration alone (type, labels, buckets), and looked up by that declaration where it is
 * recorded. A declaration is bound at most once, and a lookup checks the type, so a counter
 * is never recorded as a gauge.
 */
public final class LabelledFamilies {
    private final Map<MetricFamily, LabelledFamily<?>> byDeclaration;
    private final List<LabelledFamily<?>> inOrder;

    private LabelledFamilies(Map<MetricFamily, LabelledFamily<?>> byDeclaration, List<LabelledFamily<?>> inOrder) {
        this.byDeclaration = Map.copyOf(byDeclaration);
        this.inOrder = List.copyOf(inOrder);
    }

    /** One family per declaration, in the given order; a name given twice is refused. */
    public static LabelledFamilies bind(MetricRegistry registry, List<MetricFamily> declarations) {
        Map<MetricFamily, LabelledFamily<?>> byDeclaration = new HashMap<>();
        List<LabelledFamily<?>> inOrder = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (MetricFamily declaration : declarations) {
            if (!names.add(declaration.name())) {
                throw new IllegalArgumentException(declaration.name() + " is bound twice");
            }
            LabelledFamily<?> family = switch (declaration.type()) {
                case COUNTER -> LabelledFamily.counters(declaration, registry);
                case GAUGE -> LabelledFamily.gauges(declaration, registry);
                case HISTOGRAM -> LabelledFamily.histograms(declaration, registry);
                case SUMMARY -> throw new IllegalArgumentException(declaration.name() + " is a summary: read, never recorded");
            };
            byDeclaration.put(declaration, family);
            inOrder.add(family);
        }
        return new LabelledFamilies(byDeclaration, inOrder);
    }

    public LabelledFamily<LabelledCounter> counters(MetricFamily declaration) {
        return bound(declaration, MetricType.COUNTER);
    }

    public LabelledFamily<LabelledGauge> gauges(MetricFamily declaration) {
        return bound(declaration, MetricType.GAUGE);
    }

    public LabelledFamily<BucketHistogram> histograms(MetricFamily declaration) {
        return bound(declaration, MetricType.HISTOGRAM);
    }

    /** In the order they were bound: the order of the exposition. */
    public List<LabelledFamily<?>> all() {
        return inOrder;
    }

    /** The children's type follows from the declared type, which {@link #bind} created them by. */
    @SuppressWarnings("unchecked")
    private <C extends Metric & LabelledMetric> LabelledFamily<C> bound(MetricFamily declaration, MetricType type) {
        LabelledFamily<?> family = byDeclaration.get(declaration);
        if (family == null) {
            throw new IllegalArgumentException(declaration.name() + " is not bound");
        }
        if (declaration.type() != type) {
            throw new IllegalArgumentException(declaration.name() + " is a " + declaration.type().exposition()
                    + ", not a " + type.exposition());
        }
        return (LabelledFamily<C>) family;
    }
}
