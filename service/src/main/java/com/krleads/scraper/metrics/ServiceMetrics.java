package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.METRICS_LABEL_OVERFLOW;
import static com.krleads.metrics.MetricCatalog.SOURCE_BASELINE_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_TIMESTAMP;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;

import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import com.krleads.scraper.metrics.bridge.BucketHistogram;
import com.krleads.scraper.metrics.bridge.LabelledCounter;
import com.krleads.scraper.metrics.bridge.LabelledFamilies;
import com.krleads.scraper.metrics.bridge.LabelledFamily;
import com.krleads.scraper.metrics.bridge.LabelledGauge;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every family this service records, bound once to one Dropwizard {@link MetricRegistry}
 * straight from the catalog: a recording site looks its family up by the catalog constant,
 * {@code metrics.counters(MetricCatalog.QUEUE_JOBS)}, so a new family is its catalog entry and
 * the line that records it.
 */
public final class ServiceMetrics {
    /** The catalog's families, then the instrumentation's own: the order of the exposition. */
    static final List<MetricFamily> RECORDED =
            Stream.concat(MetricCatalog.ALL.stream(), MetricCatalog.SELF.stream()).toList();
    private static final List<MetricFamily> SOURCE_HEALTH = List.of(SOURCE_LAST_JOB_ITEMS, SOURCE_BASELINE_ITEMS,
            SOURCE_LAST_JOB_TIMESTAMP, SOURCE_YIELD_FINDING, SOURCE_COVERAGE_FINDING);

    private final LabelledFamilies families;
    private final List<LabelledFamily<LabelledGauge>> sourceHealthGauges;

    public ServiceMetrics(MetricRegistry registry) {
        families = LabelledFamilies.bind(registry, RECORDED);
        sourceHealthGauges = SOURCE_HEALTH.stream().map(families::gauges).toList();
    }

    public LabelledFamily<LabelledCounter> counters(MetricFamily family) {
        return families.counters(family);
    }

    public LabelledFamily<LabelledGauge> gauges(MetricFamily family) {
        return families.gauges(family);
    }

    public LabelledFamily<BucketHistogram> histograms(MetricFamily family) {
        return families.histograms(family);
    }

    /** In the catalog's order, followed by the instrumentation's own families. */
    public List<LabelledFamily<?>> families() {
        return families.all();
    }

    /** The source-health gauges, which one process reports from the database (see {@code SourceHealthMetrics}). */
    List<LabelledFamily<LabelledGauge>> sourceHealthGauges() {
        return sourceHealthGauges;
    }

    /** A guard for a user-defined label of {@code family} that counts its overflows here. */
    CardinalityGuard guard(MetricFamily family, int limit) {
        return new CardinalityGuard(family.name(), limit, counters(METRICS_LABEL_OVERFLOW).labels(family.name()));
    }
}
