package com.krleads.dashboards;

import com.krleads.dashboards.rulefile.RuleGroup;
import com.krleads.dashboards.rules.RecordingRules;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What a generated expression may refer to: the catalog, the known series and our recording rules. */
final class KnownNames {
    static final Set<String> FUNCTIONS = Set.of(
            "sum", "min", "max", "avg", "count", "topk", "bottomk", "rate", "increase", "deriv",
            "histogram_quantile", "absent", "max_over_time", "sum_over_time", "label_values", "vector",
            "time", "changes", "label_replace", "avg_over_time", "last_over_time");

    private KnownNames() {
    }

    static Set<String> metrics() {
        Set<String> names = new TreeSet<>();
        families().forEach(family -> names.addAll(family.seriesNames()));
        RecordingRules.groups().stream().map(RuleGroup::recordingRules).flatMap(java.util.List::stream)
                .forEach(rule -> names.add(rule.record()));
        return names;
    }

    static Set<String> labels() {
        Set<String> names = new TreeSet<>(Set.of(Labels.LE, Labels.INSTANCE, Labels.JOB, Labels.SLO));
        families().forEach(family -> names.addAll(family.labelNames()));
        return names;
    }

    /** Metric names and label names whose spelling is the catalog's alone. */
    static Set<String> all() {
        Set<String> names = new TreeSet<>(metrics());
        names.addAll(labels());
        return names;
    }

    private static Stream<MetricFamily> families() {
        return Stream.of(MetricCatalog.ALL, MetricCatalog.SELF, KnownSeries.ALL).flatMap(java.util.List::stream);
    }
}
