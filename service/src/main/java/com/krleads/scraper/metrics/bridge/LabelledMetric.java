package com.krleads.scraper.metrics.bridge;

import com.krleads.metrics.MetricFamily;
import java.util.List;

/**
 * A Dropwizard metric that is one labelled child of a catalog family. The family and label
 * values are kept as fields, so the exposition never has to parse them out of a registry name.
 * The children extend different Dropwizard classes, so they share this by holding a
 * {@link Series} rather than a common superclass.
 */
public interface LabelledMetric {
    /** The family a child belongs to and its label values, in the order of {@link MetricFamily#labelNames()}. */
    record Series(MetricFamily family, List<String> labelValues) {
    }

    Series series();

    default MetricFamily family() {
        return series().family();
    }

    /** Values in the order of {@link MetricFamily#labelNames()}. */
    default List<String> labelValues() {
        return series().labelValues();
    }
}
