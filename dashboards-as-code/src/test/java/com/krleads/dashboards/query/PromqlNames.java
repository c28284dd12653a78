package com.krleads.dashboards.query;

import com.krleads.dashboards.query.PromqlScanner.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names, label names and functions an expression uses, as {@link PromqlScanner} finds
 * them: what the catalog checks compare with the names the catalog declares.
 */
public final class PromqlNames {
    private final Set<String> metrics = new TreeSet<>();
    private final Set<String> labels = new TreeSet<>();
    private final Set<String> functions;

    private PromqlNames(PromqlScanner scanner) {
        for (Selector selector : scanner.selectors()) {
            if (selector.name() != null) {
                metrics.add(selector.name());
            }
            selector.matchers().forEach(matcher -> labels.add(matcher.label()));
        }
        labels.addAll(scanner.groupingLabels());
        functions = scanner.functions();
    }

    public static PromqlNames of(String expr) {
        return new PromqlNames(PromqlScanner.of(expr));
    }

    public Set<String> metrics() {
        return metrics;
    }

    public Set<String> labels() {
        return labels;
    }

    public Set<String> functions() {
        return functions;
    }

    /** Problems of an expression against the known names, empty when it is clean. */
    public static List<String> problems(String expr, Set<String> knownMetrics, Set<String> knownLabels, Set<String> knownFunctions) {
        PromqlNames names = of(expr);
        List<String> problems = new ArrayList<>();
        names.metrics.stream().filter(m -> !knownMetrics.contains(m)).forEach(m -> problems.add("unknown metric " + m + " in " + expr));
        names.labels.stream().filter(l -> !knownLabels.contains(l)).forEach(l -> problems.add("unknown label " + l + " in " + expr));
        names.functions.stream().filter(f -> !knownFunctions.contains(f)).forEach(f -> problems.add("unknown function " + f + " in " + expr));
        return problems;
    }
}
