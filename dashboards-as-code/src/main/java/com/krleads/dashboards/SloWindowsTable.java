package com.krleads.dashboards;

import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.rules.SloRecordingRules.errorRatio;
import static com.krleads.dashboards.rules.SloRecordingRules.eventsIncrease;

import com.krleads.dashboards.model.FieldConfig;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.model.TablePanel;
import com.krleads.dashboards.model.Target;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rules.BurnRateAlerts;
import com.krleads.dashboards.rules.BurnRatePair;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The multi-window table of one SLO: a row per burn-rate pair of {@code KrErrorBudgetBurn}, with
 * the burn rate over its long and short window, the factor both must exceed, the events in the
 * long window against the guard, and whether the alert of the pair's severity fires. Every value
 * is a recorded series or {@code ALERTS}: what the alert rule evaluates, for every replica.
 */
final class SloWindowsTable {
    /** Label columns that name the pair of a row, added with {@code label_replace}. */
    static final String LONG_WINDOW = "long_window";
    static final String SHORT_WINDOW = "short_window";
    static final String FACTOR = "factor";
    static final String MIN_EVENTS = "min_events";
    static final String LONG_BURN = "Burn rate (long)";
    static final String SHORT_BURN = "Burn rate (short)";
    static final String EVENTS = "Events (long)";
    static final String FIRING = "Alert";
    private static final String FIRING_STATE = "firing";

    private SloWindowsTable() {
    }

    static PanelBuilder<?> of(ServiceLevelObjective slo) {
        return TablePanel.builder()
                .title("Burn-rate windows")
                .description("One row per burn-rate pair of " + BurnRateAlerts.NAME + ": the burn rate (error ratio "
                        + "divided by the budget) over the long and the short window, the factor both must exceed, the "
                        + "events in the long window against the guard (at least " + slo.minimumEvents()
                        + "), and whether the alert of the pair's severity fires now. Read from the recorded series "
                        + "the alert evaluates, over every replica.")
                .datasource(Common.DATASOURCE)
                .target(column(slo, pair -> burn(slo, pair.longWindow())))
                .target(column(slo, pair -> burn(slo, pair.shortWindow())))
                .target(column(slo, pair -> events(slo, pair)))
                .target(column(slo, pair -> firing(slo, pair)))
                .mergeColumnsHiding(List.of(Labels.SLO), LONG_BURN, SHORT_BURN, EVENTS, FIRING)
                .override(FieldConfig.Override.valueTexts(Map.of(0L, Map.entry("quiet", Common.GREEN),
                        1L, Map.entry(FIRING_STATE, Common.RED)), FIRING))
                .override(FieldConfig.Override.unit(Common.UNIT_COUNT, LONG_BURN, SHORT_BURN, EVENTS))
                .noValue("no events")
                .decimals(2)
                .size(24, 6);
    }

    private static String burn(ServiceLevelObjective slo, String window) {
        return sum(SloDashboard.recorded(errorRatio(window), slo), Labels.JOB, Labels.SLO) + " / "
                + slo.errorBudget().toPlainString();
    }

    /** 1 while the alert of the pair's severity fires for the SLO, 0 while the long window has events. */
    private static String firing(ServiceLevelObjective slo, BurnRatePair pair) {
        String alerts = SloDashboard.R.select(KnownSeries.ALERTS.name(), matchEqual(Labels.ALERTNAME, BurnRateAlerts.NAME),
                matchEqual(Labels.ALERTSTATE, FIRING_STATE), matchEqual(Labels.SLO, slo.name()),
                matchEqual(Labels.SEVERITY, pair.severity().label()));
        return "(" + Promql.max(alerts, Labels.JOB, Labels.SLO) + " or 0 * " + events(slo, pair) + ")";
    }

    /** Events in the pair's long window: what the guard of the alert counts. */
    private static String events(ServiceLevelObjective slo, BurnRatePair pair) {
        return sum(SloDashboard.recorded(eventsIncrease(pair.longWindow()), slo), Labels.JOB, Labels.SLO);
    }

    /** One instant table query: the value of each pair, keyed by the labels that name the pair. */
    private static Target.Builder column(ServiceLevelObjective slo, Function<BurnRatePair, String> value) {
        String expr = Arrays.stream(BurnRatePair.values()).map(pair -> keyed(slo, value.apply(pair), pair))
                .collect(Collectors.joining(" or "));
        return Common.instant(expr, "").tableFormat();
    }

    private static String keyed(ServiceLevelObjective slo, String expr, BurnRatePair pair) {
        String out = labelled(expr, LONG_WINDOW, pair.longWindow());
        out = labelled(out, SHORT_WINDOW, pair.shortWindow());
        out = labelled(out, FACTOR, pair.factor().toPlainString());
        out = labelled(out, Labels.SEVERITY, pair.severity().label());
        return labelled(out, MIN_EVENTS, String.valueOf(slo.minimumEvents()));
    }

    /** {@code label_replace(expr, "label", "value", "", "")}: sets a constant label. */
    static String labelled(String expr, String label, String value) {
        return "label_replace(" + expr + ", \"" + label + "\", \"" + value + "\", \"\", \"\")";
    }
}
