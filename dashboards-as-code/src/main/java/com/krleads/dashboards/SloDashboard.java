package com.krleads.dashboards;

import static com.krleads.dashboards.query.Promql.legend;
import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.rules.SloRecordingRules.burnRate;
import static com.krleads.dashboards.rules.SloRecordingRules.errorsRate;
import static com.krleads.dashboards.rules.SloRecordingRules.eventsRate;
import static com.krleads.dashboards.rules.SloRecordingRules.period;

import com.krleads.dashboards.alerts.BurnRateAlerts;
import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.PanelBuilder;
import com.krleads.dashboards.model.TimeseriesPanel;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rules.BurnRatePair;
import com.krleads.dashboards.rules.SloRecordingRules;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;
import java.math.BigDecimal;
import java.util.List;

/**
 * One row per service level objective, read from the recorded series the burn-rate alerts
 * evaluate (per job, over every replica: no instance filter): the error budget left over the
 * period and its burn-down, the SLI in the selected range, the burn rate over time, and a table
 * of the alert's windows.
 */
public final class SloDashboard {
    /** Recorded series and ALERTS follow the job variable only. */
    static final Promql R = Promql.forJobLevelDashboards();
    /** The burn rates drawn over time: the short window of the fast page and the long windows of the pages. */
    private static final List<String> DRAWN_WINDOWS = List.of(BurnRatePair.FAST_PAGE.shortWindow(),
            BurnRatePair.FAST_PAGE.longWindow(), BurnRatePair.SLOW_PAGE.longWindow());

    private SloDashboard() {
    }

    public static Dashboard build() {
        Dashboard.Builder builder = DashboardDefaults.jobLevelDashboard(KrDashboard.SLOS,
                "Service level objectives from the recorded series the KrErrorBudgetBurn alerts evaluate: error budget "
                        + "left over the 30-day period and its burn-down, SLIs, burn rates and the alert's windows.");
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            builder.row(slo.name() + ": " + slo.objectivePercent() + " of " + slo.description())
                    .panel(budgetLeft(slo)).panel(burnDown(slo)).panel(sli(slo)).panel(burnRateOverTime(slo))
                    .panel(SloWindowsTable.of(slo));
        }
        return builder.build();
    }

    /** A recorded series of one SLO, on the selected jobs. */
    static String recorded(String record, ServiceLevelObjective slo) {
        return R.select(record, matchEqual(Labels.SLO, slo.name()));
    }

    /** The recorded budget left over the period: 1 untouched, 0 spent, below 0 overspent. */
    static String budgetRemaining(ServiceLevelObjective slo) {
        return recorded(SloRecordingRules.budgetRemaining(), slo);
    }

    static PanelBuilder<?> budgetLeft(ServiceLevelObjective slo) {
        return DashboardDefaults.stat("Error budget left (" + period(slo) + ")", "Share of the " + slo.name()
                        + " error budget (" + slo.errorBudget().movePointRight(2).toPlainString()
                        + "% of events may be bad) still unspent over the last " + slo.period().toDays() + " days.",
                        DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.instant(budgetRemaining(slo), legend(Labels.JOB)))
                .thresholds(DashboardDefaults.higherIsBetter(0, 0.25))
                .noValue("no events")
                .decimals(1)
                .size(4, 6);
    }

    /** The budget left over the rolling period, drawn over the period: where it went and how fast. */
    static PanelBuilder<?> burnDown(ServiceLevelObjective slo) {
        return DashboardDefaults.timeseries("Error budget burn-down (" + period(slo) + ")", "Error budget left over the rolling "
                                + slo.period().toDays() + "-day period, over the last " + slo.period().toDays()
                                + " days: 1 untouched, 0 spent.", DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.query(budgetRemaining(slo), legend(Labels.JOB)))
                .timeFrom(period(slo))
                .thresholds(DashboardDefaults.higherIsBetter(0, 0.25))
                .noValue("no events")
                .fillOpacity(0)
                .size(8, 6);
    }

    /** Bad over all events in the selected range, from the recorded 5-minute rates the period's ratio sums. */
    static PanelBuilder<?> sli(ServiceLevelObjective slo) {
        String errors = "sum_over_time(" + recorded(errorsRate(), slo) + "[" + Promql.RANGE + "])";
        String events = "sum_over_time(" + recorded(eventsRate(), slo) + "[" + Promql.RANGE + "])";
        return DashboardDefaults.stat("SLI in the selected range", "Share of good events (" + slo.description()
                        + ") in the selected range; the objective is " + slo.objectivePercent() + ".",
                        DashboardDefaults.UNIT_RATIO)
                .target(DashboardDefaults.instant("1 - " + Promql.ratio(errors, events), legend(Labels.JOB)))
                .thresholds(DashboardDefaults.sloThresholds(slo))
                .noValue("no events")
                .decimals(3)
                .size(4, 6);
    }

    static PanelBuilder<?> burnRateOverTime(ServiceLevelObjective slo) {
        BigDecimal fastPage = BurnRatePair.FAST_PAGE.burnThreshold(slo);
        TimeseriesPanel panel = DashboardDefaults.timeseries("Burn rate over time", "Error ratio divided by the budget over the "
                        + String.join(", ", DRAWN_WINDOWS) + " windows (recorded): 1 spends the budget exactly over the "
                        + "period; the fast page needs more than " + fastPage + " over "
                        + BurnRatePair.FAST_PAGE.longWindow() + " and " + BurnRatePair.FAST_PAGE.shortWindow() + ".",
                DashboardDefaults.UNIT_COUNT);
        for (String window : DRAWN_WINDOWS) {
            panel.target(DashboardDefaults.query(recorded(burnRate(window), slo), window + " " + legend(Labels.JOB)));
        }
        return panel
                .thresholds(DashboardDefaults.lowerIsBetter(1, fastPage.doubleValue()))
                .noValue("no events")
                .fillOpacity(0)
                .min(0)
                .size(8, 6);
    }
}
