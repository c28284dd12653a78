package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.Counter;
import com.krleads.metrics.MetricFamily;
import java.util.List;

/** A Dropwizard {@link Counter} (a {@code LongAdder}) that is one child of a counter family. */
public final class LabelledCounter extends Counter implements LabelledMetric {
    private final Series series;

    LabelledCounter(MetricFamily family, List<String> labelValues) {
        this.series = new Series(family, labelValues);
    }

    @Override
    public Series series() {
        return series;
    }
}
