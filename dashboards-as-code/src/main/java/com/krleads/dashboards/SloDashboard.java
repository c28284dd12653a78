package com.krleads.dashboards;

import static com.krleads.dashboards.Common.Q;

import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.query.SloQueries;
import com.krleads.dashboards.rules.BurnRatePair;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;

/**
 * One row per service level objective: the error budget left over its period, the burn rate over
 * the long windows of the pages (1 h and 6 h), the SLI over the selected range and the burn rate
 * over time. Fixed windows are panels with their own time range ({@code timeFrom}) read through
 * {@code $__range}, so every query follows the job and instance variables like the other dashboards.
 */
public final class SloDashboard {
    private SloDashboard() {
    }

    public static Dashboard build() {
        Dashboard.Builder builder = Common.dashboard(KrDashboard.SLOS,
                "Service level objectives: error budget left over the 30-day period, burn rates and SLIs. "
                        + "The KrErrorBudgetBurn alerts page on the same ratios.");
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            SloQueries queries = new SloQueries(Q, slo);
            builder.row(slo.name() + ": " + slo.objectivePercent() + " of " + slo.description())
                    .panel(budgetLeft(queries))
                    .panel(burnRate(queries, BurnRatePair.FAST_PAGE)).panel(burnRate(queries, BurnRatePair.SLOW_PAGE))
                    .panel(sli(queries)).panel(burnRateOverTime(queries));
        }
        return builder.build();
    }

    /** 100 % at the start of a clean period, 0 % when the budget is spent, below 0 past it. */
    static PanelBuilder<?> budgetLeft(SloQueries queries) {
        ServiceLevelObjective slo = queries.slo();
        String period = slo.period().toDays() + "d";
        String expr = "1 - (" + queries.errorShare(Promql.RANGE) + ") / " + slo.errorBudget().toPlainString();
        return Common.stat("Error budget left (" + period + ")", "Share of the " + slo.name()
                        + " error budget (" + slo.errorBudget().movePointRight(2).toPlainString()
                        + "% of events may be bad) still unspent over the last " + slo.period().toDays() + " days.",
                        Common.UNIT_RATIO)
                .target(Common.instant(expr, "budget left"))
                .timeFrom(period)
                .thresholds(Common.higherIsBetter(0, 0.25))
                .noValue("no events")
                .decimals(1)
                .size(6, 5);
    }

    /** How many times faster than sustainable the budget burns over a page's long window. */
    static PanelBuilder<?> burnRate(SloQueries queries, BurnRatePair pair) {
        return Common.stat("Burn rate (" + pair.longWindow() + ")", "Error ratio over the last " + pair.longWindow()
                        + " divided by the budget: 1 spends the budget exactly over the period; the critical alert "
                        + "needs more than " + pair.factor().toPlainString() + " here and over " + pair.shortWindow() + ".",
                        Common.UNIT_COUNT)
                .target(Common.instant(burn(queries, queries.errorShare(Promql.RANGE)), "burn rate"))
                .timeFrom(pair.longWindow())
                .thresholds(Common.lowerIsBetter(1, pair.factor().doubleValue()))
                .noValue("no events")
                .decimals(2)
                .size(4, 5);
    }

    static PanelBuilder<?> sli(SloQueries queries) {
        ServiceLevelObjective slo = queries.slo();
        double objective = slo.objective().doubleValue();
        return Common.stat("SLI in the selected range", "Share of good events (" + slo.description()
                        + ") in the selected range; the objective is " + slo.objectivePercent() + ".",
                        Common.UNIT_RATIO)
                .target(Common.instant(queries.goodRatio(Promql.RANGE), "SLI"))
                .thresholds(Common.higherIsBetter(objective - slo.errorBudget().doubleValue(), objective))
                .noValue("no events")
                .decimals(2)
                .size(4, 5);
    }

    static PanelBuilder<?> burnRateOverTime(SloQueries queries) {
        return Common.timeseries("Burn rate over time", "Error ratio divided by the budget, over Grafana's rate "
                        + "window: 1 spends the budget exactly over the period.", Common.UNIT_COUNT)
                .target(Common.query(burn(queries, queries.errorRatio(Promql.RATE_INTERVAL)), "burn rate"))
                .thresholds(Common.lowerIsBetter(1, BurnRatePair.SLOW_PAGE.factor().doubleValue()))
                .noValue("no events")
                .min(0)
                .size(6, 5);
    }

    private static String burn(SloQueries queries, String errorRatio) {
        return "(" + errorRatio + ") / " + queries.slo().errorBudget().toPlainString();
    }
}
