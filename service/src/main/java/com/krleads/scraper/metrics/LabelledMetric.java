package com.krleads.scraper.metrics;

import com.krleads.metrics.MetricFamily;
import java.util.List;

/**
 * A Dropwizard metric that is one labelled child of a catalog family. The family and label
 * values are kept as fields, so the exposition never has to parse them out of a registry name.
 */
public interface LabelledMetric {
    MetricFamily family();

    /** Values in the order of {@link MetricFamily#labelNames()}. */
    List<String> labelValues();
}
