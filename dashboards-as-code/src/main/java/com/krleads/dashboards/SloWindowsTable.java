package com.krleads.dashboards;

import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.sum;
import static com.krleads.dashboards.rules.SloRecordingRules.burnRate;
import static com.krleads.dashboards.rules.SloRecordingRules.burnThreshold;
import static com.krleads.dashboards.rules.SloRecordingRules.errorsIncrease;
import static com.krleads.dashboards.rules.SloRecordingRules.eventsIncrease;
import static com.krleads.dashboards.rules.SloRecordingRules.lastBurnRate;
import static com.krleads.dashboards.rules.SloRecordingRules.minimumErrors;

import com.krleads.dashboards.alerts.BurnRateAlerts;
import com.krleads.dashboards.model.FieldConfig;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.model.TablePanel;
import com.krleads.dashboards.model.Target;
import com.krleads.dashboards.query.Promql;
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
 * the burn rate over its long window and over its short one (as last seen with events, what the
 * alert compares), the threshold both must exceed, the bad events in the long window against the
 * guard, and whether the alert of the pair's severity fires. Every value is a recorded series or
 * {@code ALERTS}: exactly what the alert rule evaluates, over every replica.
 */
final class SloWindowsTable {
    /** Label columns that name the pair of a row, added with {@code label_replace}. */
    static final String LONG_WINDOW = "long_window";
    static final String SHORT_WINDOW = "short_window";
    static final String LONG_BURN = "Burn rate (long)";
    static final String SHORT_BURN = "Burn rate (short)";
    static final String THRESHOLD = "Threshold";
    static final String BAD_EVENTS = "Bad events (long)";
    static final String GUARD = "Guard";
    static final String FIRING = "Alert";
    private static final String FIRING_STATE = "firing";

    private SloWindowsTable() {
    }

    static PanelBuilder<?> of(ServiceLevelObjective slo) {
        return TablePanel.builder()
                .title("Burn-rate windows")
                .description("One row per burn-rate pair of " + BurnRateAlerts.NAME + ": the burn rate (error ratio "
                        + "divided by the budget) over the long window and over the short one as last seen with events, "
                        + "the threshold both must exceed, the bad events in the long window against the guard, and "
                        + "whether the alert of the pair's severity fires now. Read from the recorded series the alert "
                        + "evaluates, over every replica.")
                .datasource(DashboardDefaults.DATASOURCE)
                .target(column(pair -> recorded(slo, burnRate(pair.longWindow()))))
                .target(column(pair -> recorded(slo, lastBurnRate(pair.shortWindow()))))
                .target(column(pair -> recorded(slo, burnThreshold(pair.longWindow()))))
                .target(column(pair -> recorded(slo, errorsIncrease(pair.longWindow()))))
                .target(column(pair -> recorded(slo, minimumErrors())))
                .target(column(pair -> firing(slo, pair)))
                .mergeColumnsHiding(List.of(Labels.SLO), LONG_BURN, SHORT_BURN, THRESHOLD, BAD_EVENTS, GUARD, FIRING)
                .override(FieldConfig.Override.valueTexts(Map.of(0L, Map.entry("quiet", DashboardDefaults.GREEN),
                        1L, Map.entry(FIRING_STATE, DashboardDefaults.RED)), FIRING))
                .override(FieldConfig.Override.unit(DashboardDefaults.UNIT_COUNT, LONG_BURN, SHORT_BURN, THRESHOLD, BAD_EVENTS, GUARD))
                .noValue("no events")
                .decimals(2)
                .size(24, 6);
    }

    /** A recorded series of the SLO, reduced to its job and slo labels (constants and ratios alike). */
    private static String recorded(ServiceLevelObjective slo, String record) {
        return sum(SloDashboard.recorded(record, slo), Labels.JOB, Labels.SLO);
    }

    /** 1 while the alert of the pair's severity fires for the SLO, 0 while the long window has events. */
    private static String firing(ServiceLevelObjective slo, BurnRatePair pair) {
        String alerts = SloDashboard.R.select(KnownSeries.ALERTS.name(), matchEqual(Labels.ALERTNAME, BurnRateAlerts.NAME),
                matchEqual(Labels.ALERTSTATE, FIRING_STATE), matchEqual(Labels.SLO, slo.name()),
                matchEqual(Labels.SEVERITY, pair.severity().label()));
        return "(" + Promql.max(alerts, Labels.JOB, Labels.SLO) + " or 0 * "
                + recorded(slo, eventsIncrease(pair.longWindow())) + ")";
    }

    /** One instant table query: the value of each pair, keyed by the labels that name the pair. */
    private static Target.Builder column(Function<BurnRatePair, String> value) {
        String expr = Arrays.stream(BurnRatePair.values()).map(pair -> keyed(value.apply(pair), pair))
                .collect(Collectors.joining(" or "));
        return DashboardDefaults.instant(expr, "").tableFormat();
    }

    private static String keyed(String expr, BurnRatePair pair) {
        String out = labelled(expr, LONG_WINDOW, pair.longWindow());
        out = labelled(out, SHORT_WINDOW, pair.shortWindow());
        return labelled(out, Labels.SEVERITY, pair.severity().label());
    }

    /** {@code label_replace(expr, "label", "value", "", "")}: sets a constant label. */
    static String labelled(String expr, String label, String value) {
        return "label_replace(" + expr + ", \"" + label + "\", \"" + value + "\", \"\", \"\")";
    }
}
