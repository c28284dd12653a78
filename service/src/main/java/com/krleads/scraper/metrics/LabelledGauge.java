package com.krleads.scraper.metrics;

import com.codahale.metrics.Gauge;
import com.krleads.metrics.MetricFamily;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * One child of a gauge family: either a level moved up and down by the caller, or, once
 * {@link #readFrom} is called, a value read at scrape time (queue sizes, busy workers, health).
 */
public final class LabelledGauge implements Gauge<Double>, LabelledMetric {
    private final MetricFamily family;
    private final List<String> labelValues;
    private final LongAdder level = new LongAdder();
    private volatile DoubleSupplier reader;

    LabelledGauge(MetricFamily family, List<String> labelValues) {
        this.family = family;
        this.labelValues = labelValues;
    }

    public void inc() {
        level.increment();
    }

    public void dec() {
        level.decrement();
    }

    /** From now on the value is whatever {@code source} says when the gauge is read. */
    public void readFrom(DoubleSupplier source) {
        this.reader = source;
    }

    public double value() {
        DoubleSupplier source = reader;
        return source == null ? level.sum() : source.getAsDouble();
    }

    @Override
    public Double getValue() {
        return value();
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
