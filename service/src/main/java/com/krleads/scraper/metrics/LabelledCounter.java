package com.krleads.scraper.metrics;

import com.codahale.metrics.Counter;
import com.krleads.metrics.MetricFamily;
import java.util.List;

/** A Dropwizard {@link Counter} (a {@code LongAdder}) that is one child of a counter family. */
public final class LabelledCounter extends Counter implements LabelledMetric {
    private final MetricFamily family;
    private final List<String> labelValues;

    LabelledCounter(MetricFamily family, List<String> labelValues) {
        this.family = family;
        this.labelValues = labelValues;
    }

    @Override
    public MetricFamily family() {
        return family;
    }

    @Override
    public List<String> labelValues() {
        return labelValues;
    }
}
