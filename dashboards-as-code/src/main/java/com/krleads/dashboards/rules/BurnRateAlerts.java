package com.krleads.dashboards.rules;

import static com.krleads.dashboards.rules.SloRecordingRules.errorRatio;
import static com.krleads.dashboards.rules.SloRecordingRules.eventsIncrease;
import static com.krleads.dashboards.rules.SloRecordingRules.select;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rules.AlertRule.Severity;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code KrErrorBudgetBurn}: per SLO, one critical and one warning rule, each the "or" of its two
 * {@link BurnRatePair}s. A pair holds when the error ratio is above {@code factor x budget} over
 * both its windows and the long window holds at least {@link ServiceLevelObjective#minimumEvents()}
 * events. No {@code for}: the short window already demands that the burn is still going on.
 */
public final class BurnRateAlerts {
    public static final String NAME = "KrErrorBudgetBurn";
    public static final String GROUP = "kr-lead-scraper.slo";

    private BurnRateAlerts() {
    }

    private static final List<AlertRule> ALL = build();

    /** Per SLO, critical then warning: the same objects on every call. */
    public static List<AlertRule> all() {
        return ALL;
    }

    private static List<AlertRule> build() {
        List<AlertRule> rules = new ArrayList<>();
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            rules.add(rule(slo, Severity.CRITICAL));
            rules.add(rule(slo, Severity.WARNING));
        }
        return List.copyOf(rules);
    }

    /** The rule of one SLO and severity. */
    public static AlertRule of(ServiceLevelObjective slo, Severity severity) {
        return all().stream().filter(r -> r.labels().get(Labels.SLO).equals(slo.name()) && r.severity() == severity)
                .findFirst().orElseThrow();
    }

    public static List<BurnRatePair> pairs(Severity severity) {
        return Arrays.stream(BurnRatePair.values()).filter(p -> p.severity() == severity).toList();
    }

    /** The error ratio a pair alerts above: factor times the budget, exact. */
    public static BigDecimal threshold(ServiceLevelObjective slo, BurnRatePair pair) {
        return pair.factor().multiply(slo.errorBudget()).stripTrailingZeros();
    }

    private static AlertRule rule(ServiceLevelObjective slo, Severity severity) {
        List<BurnRatePair> pairs = pairs(severity);
        List<String> conditions = pairs.stream().map(pair -> "(" + condition(slo, pair) + ")").toList();
        return AlertRule.builder(NAME)
                .expr(String.join("\nor\n", conditions))
                .immediately().severity(severity).label(Labels.SLO, slo.name())
                .dashboard(KrDashboard.SLOS)
                .summary("SLO " + slo.name() + (severity == Severity.CRITICAL ? ": error budget burning fast"
                        : ": error budget burning"))
                .description(description(slo, pairs))
                .build();
    }

    private static String condition(ServiceLevelObjective slo, BurnRatePair pair) {
        String above = " > " + threshold(slo, pair).toPlainString();
        return select(errorRatio(pair.longWindow()), slo) + above
                + "\nand " + select(errorRatio(pair.shortWindow()), slo) + above
                + "\nand " + select(eventsIncrease(pair.longWindow()), slo) + " >= " + slo.minimumEvents();
    }

    private static String description(ServiceLevelObjective slo, List<BurnRatePair> pairs) {
        List<String> parts = pairs.stream().map(p -> p.factor().toPlainString() + "x over " + p.longWindow()
                + " and " + p.shortWindow()).toList();
        BurnRatePair fastest = pairs.get(0);
        long hoursLeft = BigDecimal.valueOf(slo.period().toHours()).divide(fastest.factor(), 0, RoundingMode.HALF_UP)
                .longValueExact();
        return "The " + slo.name() + " objective (" + slo.objectivePercent() + " of " + slo.description() + ", over "
                + slo.period().toDays() + " days) is burning its error budget faster than allowed: "
                + String.join(", or ", parts) + " (at least " + slo.minimumEvents() + " events in the long window). "
                + "At " + fastest.factor().toPlainString() + "x the whole budget lasts about " + hoursLeft + " hours.";
    }
}
