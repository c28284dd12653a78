package com.krleads.dashboards.query;

import static com.krleads.dashboards.query.Promql.sum;

import com.krleads.metrics.EventSelector;
import com.krleads.metrics.ServiceLevelObjective;
import java.util.List;

/**
 * PromQL for one service level objective's events, through a {@link Promql} (so the rules' or the
 * dashboards' selectors apply), summed by the given labels. Bad events are total minus good.
 */
public final class SloQueries {
    private final Promql q;
    private final ServiceLevelObjective slo;
    private final String[] by;

    public SloQueries(Promql q, ServiceLevelObjective slo, String... by) {
        this.q = q;
        this.slo = slo;
        this.by = by.clone();
    }

    public ServiceLevelObjective slo() {
        return slo;
    }

    /** Total events per second over the window. */
    public String totalRate(String window) {
        return sum(q.rateOver(window, slo.total().series(), matchers(slo.total())), by);
    }

    /** Good events per second over the window. */
    public String goodRate(String window) {
        return sum(q.rateOver(window, slo.good().series(), matchers(slo.good())), by);
    }

    /**
     * Bad events per second: total minus good. Where no good series exists yet (every job of a
     * fresh process failed), good counts as zero rather than making the difference vanish.
     */
    public String errorRate(String window) {
        String total = totalRate(window);
        return total + " - (" + goodRate(window) + " or 0 * " + total + ")";
    }

    /** Share of bad events over the window; no value when there were no events (never NaN). */
    public String errorRatio(String window) {
        return "(" + errorRate(window) + ") / (" + totalRate(window) + " > 0)";
    }

    /**
     * Share of bad events in the window, from increases: the same ratio as {@link #errorRatio},
     * for windows such as {@code $__range} that Grafana wants in {@code increase}.
     */
    public String errorShare(String window) {
        String total = totalIncrease(window);
        String good = sum(q.increaseOver(window, slo.good().series(), matchers(slo.good())), by);
        return "(" + total + " - (" + good + " or 0 * " + total + ")) / (" + total + " > 0)";
    }

    /** Total events in the window. */
    public String totalIncrease(String window) {
        return sum(q.increaseOver(window, slo.total().series(), matchers(slo.total())), by);
    }

    /** Bad events in the window: total minus good, good counting as zero where it has no series. */
    public String errorIncrease(String window) {
        String total = totalIncrease(window);
        return total + " - (" + sum(q.increaseOver(window, slo.good().series(), matchers(slo.good())), by)
                + " or 0 * " + total + ")";
    }

    /** Share of good events in the window: the SLI. */
    public String goodRatio(String window) {
        String total = totalIncrease(window);
        return "(" + sum(q.increaseOver(window, slo.good().series(), matchers(slo.good())), by)
                + " or 0 * " + total + ") / (" + total + " > 0)";
    }

    private static String[] matchers(EventSelector events) {
        List<String> list = events.matchers().stream().map(SloQueries::matcher).toList();
        return list.toArray(String[]::new);
    }

    private static String matcher(EventSelector.Matcher m) {
        return switch (m.op()) {
            case EQUAL -> Promql.matchEqual(m.label(), m.value());
            case NOT_EQUAL -> Promql.matchNotEqual(m.label(), m.value());
            case REGEX -> Promql.matchRegex(m.label(), m.value());
            case NOT_REGEX -> Promql.matchNotRegex(m.label(), m.value());
        };
    }
}
