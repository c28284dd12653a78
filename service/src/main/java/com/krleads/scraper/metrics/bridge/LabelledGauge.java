package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.Gauge;
import com.krleads.metrics.MetricFamily;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child of a gauge family: either a level moved up and down by the caller, or, once
 * {@link #readFrom} is called, a value read at scrape time (queue sizes, busy workers, health).
 */
public final class LabelledGauge implements Gauge<Double>, LabelledMetric {
    private static final Logger LOG = LoggerFactory.getLogger(LabelledGauge.class);
    private final Series series;
    private final LongAdder level = new LongAdder();
    private volatile DoubleSupplier reader;
    private volatile boolean failing;

    LabelledGauge(MetricFamily family, List<String> labelValues) {
        this.series = new Series(family, labelValues);
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

    /**
     * The current value. A reader that throws (the database is down, say) gives NaN for this
     * series only, so one failing source never turns the whole scrape into an error and hides
     * the health checks that explain it; the failure is logged when it starts.
     */
    public double value() {
        DoubleSupplier source = reader;
        if (source == null) {
            return level.sum();
        }
        try {
            double value = source.getAsDouble();
            failing = false;
            return value;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Cannot read {}{}: {}", family().name(), labelValues(), e.toString());
            }
            return Double.NaN;
        }
    }

    @Override
    public Double getValue() {
        return value();
    }

    @Override
    public Series series() {
        return series;
    }
}
