package com.krleads.scraper.metrics.bridge;

import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricFamily;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link LabelledFamily} into the samples of the Prometheus client, typed by the catalog. */
final class Exposition {
    private Exposition() {
    }

    static MetricFamilySamples samples(LabelledFamily<?> labelled) {
        MetricFamily family = labelled.family();
        List<String> labelNames = family.labelNames();
        List<Sample> samples = new ArrayList<>();
        if (!labelled.exported()) {
            return new MetricFamilySamples(family.baseName(), type(family), family.help(), samples);
        }
        for (LabelledMetric child : labelled.children()) {
            List<String> values = child.labelValues();
            if (child instanceof LabelledCounter counter) {
                samples.add(new Sample(family.name(), labelNames, values, counter.getCount()));
            } else if (child instanceof LabelledGauge gauge) {
                samples.add(new Sample(family.name(), labelNames, values, gauge.value()));
            } else if (child instanceof BucketHistogram histogram) {
                addHistogram(family, histogram, samples);
            }
        }
        return new MetricFamilySamples(family.baseName(), type(family), family.help(), samples);
    }

    private static void addHistogram(MetricFamily family, BucketHistogram histogram, List<Sample> samples) {
        List<String> labelNames = family.labelNames();
        List<String> bucketLabels = new ArrayList<>(labelNames);
        bucketLabels.add(Labels.LE);
        double[] bounds = histogram.bounds();
        long[] cumulative = histogram.cumulativeCounts();
        for (int i = 0; i < cumulative.length; i++) {
            List<String> values = new ArrayList<>(histogram.labelValues());
            values.add(i < bounds.length ? Collector.doubleToGoString(bounds[i]) : "+Inf");
            samples.add(new Sample(family.bucket(), bucketLabels, values, cumulative[i]));
        }
        samples.add(new Sample(family.count(), labelNames, histogram.labelValues(), cumulative[cumulative.length - 1]));
        samples.add(new Sample(family.sum(), labelNames, histogram.labelValues(), histogram.sum()));
    }

    static Collector.Type type(MetricFamily family) {
        return switch (family.type()) {
            case COUNTER -> Collector.Type.COUNTER;
            case GAUGE -> Collector.Type.GAUGE;
            case HISTOGRAM -> Collector.Type.HISTOGRAM;
            case SUMMARY -> Collector.Type.SUMMARY;
        };
    }

    /** The escaping of the text format: backslash, double quote and newline. */
    static void escapeLabelValue(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }
}
