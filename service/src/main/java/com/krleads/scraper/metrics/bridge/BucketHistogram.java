package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import com.krleads.metrics.MetricFamily;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * One child of a histogram family: fixed buckets from the catalog, each a {@link LongAdder},
 * plus the sum of observations. It is a Dropwizard {@link Histogram}, so it shows in the JSON
 * view too (with quantiles estimated from the buckets), but keeps no samples.
 */
public final class BucketHistogram extends Histogram implements LabelledMetric {
    private static final double NANOS_PER_SECOND = 1e9;

    private final Series series;
    private final double[] bounds;
    /** One per bound, plus the last one for +Inf; not cumulative. */
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();

    BucketHistogram(MetricFamily family, List<String> labelValues) {
        super(NoReservoir.INSTANCE);
        this.series = new Series(family, labelValues);
        this.bounds = family.buckets();
        this.buckets = new LongAdder[bounds.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void observe(double value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        buckets[i].increment();
        sum.add(value);
    }

    /** Records a duration measured with {@link System#nanoTime()}, in seconds. */
    public void observeNanos(long nanos) {
        observe(nanos / NANOS_PER_SECOND);
    }

    @Override
    public void update(long value) {
        observe(value);
    }

    @Override
    public void update(int value) {
        observe(value);
    }

    /** Bucket upper bounds without +Inf. */
    public double[] bounds() {
        return bounds.clone();
    }

    /** Cumulative counts, one per bound and the last for +Inf (which is the count). */
    public long[] cumulativeCounts() {
        long[] counts = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            counts[i] = running;
        }
        return counts;
    }

    public double sum() {
        return sum.sum();
    }

    @Override
    public long getCount() {
        long count = 0;
        for (LongAdder bucket : buckets) {
            count += bucket.sum();
        }
        return count;
    }

    @Override
    public Snapshot getSnapshot() {
        return new BucketSnapshot(bounds, cumulativeCounts(), sum());
    }

    @Override
    public Series series() {
        return series;
    }

    /** The superclass wants a reservoir; this histogram never writes to one. */
    private enum NoReservoir implements Reservoir {
        INSTANCE;

        @Override
        public int size() {
            return 0;
        }

        @Override
        public void update(long value) {
        }

        @Override
        public Snapshot getSnapshot() {
            return new BucketSnapshot(new double[0], new long[] {0}, 0);
        }
    }
}
