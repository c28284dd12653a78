package com.krleads.scraper.metrics;

import static com.krleads.metrics.MetricCatalog.SOURCE_BASELINE_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_TIMESTAMP;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;

import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.metrics.LabelValues.YieldFinding;
import com.krleads.metrics.Labels;
import com.krleads.scraper.core.quality.Finding;
import com.krleads.scraper.core.quality.QualityRecord;
import com.krleads.scraper.core.quality.SourceHealth;
import com.krleads.scraper.metrics.bridge.LabelledFamily;
import com.krleads.scraper.metrics.bridge.LabelledGauge;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source-health gauges: each enabled source's last completed job (items, baseline, time)
 * and its findings as 0/1, read from the database before each scrape by the one process that
 * reports shared state (see {@link QueueSizeReporter}). A source deleted or disabled since the
 * last scrape loses its series. Sources past the label cap are left out (an "other" finding
 * would name no source); with labels switched off the sources are folded into one series
 * (findings and time by max, items by sum).
 */
final class SourceHealthMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(SourceHealthMetrics.class);

    private final ServiceMetrics metrics;
    private final Supplier<List<SourceHealth>> reader;
    private final BooleanSupplier reportsHere;
    private final boolean includeSources;
    private final CardinalityGuard guard;
    private volatile Map<String, Values> current = Map.of();
    private boolean failing;

    SourceHealthMetrics(ServiceMetrics metrics, Supplier<List<SourceHealth>> reader, BooleanSupplier reportsHere,
                        boolean includeSources, int maxSources) {
        this.metrics = metrics;
        this.reader = reader;
        this.reportsHere = reportsHere;
        this.includeSources = includeSources;
        this.guard = metrics.guard(SOURCE_YIELD_FINDING, maxSources);
    }

    /** Exported only while this process reports; the values are those of the last {@link #refresh}. */
    void install() {
        for (LabelledFamily<LabelledGauge> family : metrics.sourceHealthGauges()) {
            family.exportWhen(reportsHere);
        }
    }

    /** Reads the database (only in the reporting process) and brings the children in line with it. */
    synchronized void refresh() {
        if (!reportsHere.getAsBoolean()) {
            return;
        }
        List<SourceHealth> sources;
        try {
            sources = reader.get();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Cannot read the sources' health for the metrics: {}", e.toString());
            }
            return;
        }
        if (includeSources) {
            Set<String> names = new HashSet<>();
            sources.forEach(source -> names.add(source.source()));
            current.keySet().stream().filter(name -> !names.contains(name)).forEach(guard::release);
        }
        Map<String, Values> next = new HashMap<>();
        for (SourceHealth source : sources) {
            String label = includeSources ? guard.admit(source.source()) : Labels.COLLAPSED;
            if (!label.equals(Labels.OVERFLOW)) {
                next.merge(label, Values.of(source.last()), Values::fold);
            }
        }
        Set<String> gone = new HashSet<>(current.keySet());
        gone.removeAll(next.keySet());
        for (String source : gone) {
            metrics.sourceHealthGauges().forEach(family -> family.remove(Labels.SOURCE, source));
        }
        current = Map.copyOf(next);
        for (String source : next.keySet()) {
            metrics.gauges(SOURCE_LAST_JOB_ITEMS).labels(source).readFrom(() -> value(source).items);
            metrics.gauges(SOURCE_BASELINE_ITEMS).labels(source).readFrom(() -> value(source).baselineItems);
            metrics.gauges(SOURCE_LAST_JOB_TIMESTAMP).labels(source).readFrom(() -> value(source).finishedAt);
            for (YieldFinding finding : YieldFinding.values()) {
                metrics.gauges(SOURCE_YIELD_FINDING).labels(source, finding.label())
                        .readFrom(() -> value(source).has(finding));
            }
            for (ItemField field : ItemField.values()) {
                metrics.gauges(SOURCE_COVERAGE_FINDING).labels(source, field.label())
                        .readFrom(() -> value(source).has(field));
            }
        }
    }

    private Values value(String source) {
        return current.getOrDefault(source, Values.NONE);
    }

    /** One series' values; a finding is a bit: {@code 1 << YieldFinding.ordinal} or {@code 1 << (2 + ItemField.ordinal)}. */
    private record Values(double items, double baselineItems, double finishedAt, int findings) {
        static final Values NONE = new Values(Double.NaN, Double.NaN, Double.NaN, 0);
        private static final int FIELD_SHIFT = YieldFinding.values().length;

        static Values of(QualityRecord last) {
            int bits = 0;
            for (Finding finding : last.findings()) {
                bits |= switch (finding.kind()) {
                    case ZERO_YIELD -> 1 << YieldFinding.ZERO_YIELD.ordinal();
                    case YIELD_DROP -> 1 << YieldFinding.YIELD_DROP.ordinal();
                    case COVERAGE_DROP -> 1 << (FIELD_SHIFT + finding.field().ordinal());
                };
            }
            return new Values(last.quality().counts().items(), last.baselineItems(),
                    last.recordedAt().toEpochMilli() / 1000.0, bits);
        }

        Values fold(Values other) {
            double baseline = Double.isNaN(baselineItems) ? other.baselineItems
                    : Double.isNaN(other.baselineItems) ? baselineItems : baselineItems + other.baselineItems;
            return new Values(items + other.items, baseline, Math.max(finishedAt, other.finishedAt), findings | other.findings);
        }

        double has(YieldFinding finding) {
            return (findings >> finding.ordinal() & 1);
        }

        double has(ItemField field) {
            return (findings >> (FIELD_SHIFT + field.ordinal()) & 1);
        }
    }
}
