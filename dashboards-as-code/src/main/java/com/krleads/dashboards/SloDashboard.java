package com.krleads.dashboards;

import static com.krleads.dashboards.Common.Q;

import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.query.SloQueries;
import com.krleads.dashboards.rules.BurnRatePair;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;

/**
 * One row per service level objective: the error budget left over its period, the burn rate over
 * the windows the pages use (1 h and 6 h), the SLI over the selected range and the burn rate over
 * time. Computed from the raw counters like every panel, so the job and instance variables apply.
 */
public final class SloDashboard {
    /** The range Grafana is showing, for "over the selected range" tiles. */
    static final String SELECTED_RANGE = "$__range";

    private SloDashboard() {
    }

    public static Dashboard build() {
        Dashboard.Builder builder = Common.dashboard(KrDashboard.SLOS,
                "Service level objectives: error budget left over the 30-day period, burn rates and SLIs. "
                        + "The KrErrorBudgetBurn alerts page on the same numbers.");
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            SloQueries queries = new SloQueries(Q, slo);
            builder.row(slo.name() + ": " + slo.objectivePercent() + " of " + slo.description())
                    .panel(budgetLeft(queries)).panel(burnRateNow(queries)).panel(sli(queries)).panel(burnRateOverTime(queries));
        }
        return builder.build();
    }

    /** 100 % at the start of a clean period, 0 % when the budget is spent, below 0 past it. */
    static PanelBuilder<?> budgetLeft(SloQueries queries) {
        ServiceLevelObjective slo = queries.slo();
        String period = slo.period().toDays() + "d";
        String expr = "1 - (" + queries.errorRatio(period) + ") / " + slo.errorBudget().toPlainString();
        return Common.stat("Error budget left (" + period + ")", "Share of the " + slo.name()
                        + " error budget (" + slo.errorBudget().movePointRight(2).toPlainString()
                        + "% of events may be bad) still unspent over the last " + slo.period().toDays() + " days.",
                        Common.UNIT_RATIO)
                .target(Common.instant(expr, "budget left"))
                .thresholds(Common.higherIsBetter(0, 0.25))
                .noValue("no events")
                .decimals(1)
                .size(6, 5);
    }

    /** How many times faster than sustainable the budget burns, over the two page windows. */
    static PanelBuilder<?> burnRateNow(SloQueries queries) {
        PanelBuilder<?> panel = Common.stat("Burn rate now", "Error ratio divided by the budget over the long "
                        + "windows of the pages: 1 spends the budget exactly over the period; the pages fire above "
                        + BurnRatePair.FAST_PAGE.factor() + " (1h) and " + BurnRatePair.SLOW_PAGE.factor() + " (6h).",
                        Common.UNIT_COUNT)
                .thresholds(Common.lowerIsBetter(1, BurnRatePair.SLOW_PAGE.factor().doubleValue()))
                .noValue("no events")
                .decimals(2)
                .size(6, 5);
        for (BurnRatePair pair : new BurnRatePair[] {BurnRatePair.FAST_PAGE, BurnRatePair.SLOW_PAGE}) {
            panel.target(Common.instant(burnRate(queries, pair.longWindow()), pair.longWindow()));
        }
        return panel;
    }

    static PanelBuilder<?> sli(SloQueries queries) {
        ServiceLevelObjective slo = queries.slo();
        double objective = slo.objective().doubleValue();
        return Common.stat("SLI in the selected range", "Share of good events (" + slo.description()
                        + ") in the range the dashboard shows; the objective is " + slo.objectivePercent() + ".",
                        Common.UNIT_RATIO)
                .target(Common.instant(queries.goodRatio(SELECTED_RANGE), "SLI"))
                .thresholds(Common.higherIsBetter(objective - slo.errorBudget().doubleValue(), objective))
                .noValue("no events")
                .decimals(2)
                .size(6, 5);
    }

    static PanelBuilder<?> burnRateOverTime(SloQueries queries) {
        PanelBuilder<?> panel = Common.timeseries("Burn rate over time", "Burn rate over 1h and 6h as the alerts see "
                        + "it; the dashed line of 1 spends the budget exactly over the period.", Common.UNIT_COUNT)
                .thresholds(Common.lowerIsBetter(1, BurnRatePair.SLOW_PAGE.factor().doubleValue()))
                .min(0)
                .size(6, 5);
        for (BurnRatePair pair : new BurnRatePair[] {BurnRatePair.FAST_PAGE, BurnRatePair.SLOW_PAGE}) {
            panel.target(Common.query(burnRate(queries, pair.longWindow()), pair.longWindow()));
        }
        return panel;
    }

    private static String burnRate(SloQueries queries, String window) {
        return "(" + queries.errorRatio(window) + ") / " + queries.slo().errorBudget().toPlainString();
    }
}
