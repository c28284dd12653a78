package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.Snapshot;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What Dropwizard's JSON view shows for a {@link BucketHistogram}: the exact mean, and
 * quantiles interpolated inside buckets the way PromQL's {@code histogram_quantile} does.
 * Individual samples are not kept, so min is 0, max is the top of the highest used bucket
 * and the standard deviation is not known (0).
 */
final class BucketSnapshot extends Snapshot {
    private final double[] bounds;
    private final long[] cumulative;
    private final double sum;

    BucketSnapshot(double[] bounds, long[] cumulative, double sum) {
        this.bounds = bounds;
        this.cumulative = cumulative;
        this.sum = sum;
    }

    private long count() {
        return cumulative[cumulative.length - 1];
    }

    @Override
    public double getValue(double quantile) {
        long count = count();
        if (count == 0) {
            return 0;
        }
        double rank = quantile * count;
        int i = 0;
        while (i < cumulative.length - 1 && cumulative[i] < rank) {
            i++;
        }
        if (i == bounds.length) {
            return bounds.length == 0 ? 0 : bounds[bounds.length - 1];
        }
        double lower = i == 0 ? 0 : bounds[i - 1];
        long below = i == 0 ? 0 : cumulative[i - 1];
        long inBucket = cumulative[i] - below;
        return inBucket == 0 ? bounds[i] : lower + (bounds[i] - lower) * (rank - below) / inBucket;
    }

    @Override
    public long[] getValues() {
        return new long[0];
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, count());
    }

    @Override
    public long getMax() {
        for (int i = cumulative.length - 1; i > 0; i--) {
            if (cumulative[i] != cumulative[i - 1]) {
                return (long) Math.ceil(i < bounds.length ? bounds[i] : bounds[bounds.length - 1]);
            }
        }
        return count() == 0 || bounds.length == 0 ? 0 : (long) Math.ceil(bounds[0]);
    }

    @Override
    public double getMean() {
        long count = count();
        return count == 0 ? 0 : sum / count;
    }

    @Override
    public long getMin() {
        return 0;
    }

    @Override
    public double getStdDev() {
        return 0;
    }

    @Override
    public void dump(OutputStream output) {
        PrintWriter out = new PrintWriter(output, false, StandardCharsets.UTF_8);
        for (int i = 0; i < cumulative.length; i++) {
            out.printf("le=%s %d%n", i < bounds.length ? Double.toString(bounds[i]) : "+Inf", cumulative[i]);
        }
        out.flush();
    }
}
