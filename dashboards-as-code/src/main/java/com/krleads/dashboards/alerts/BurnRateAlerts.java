package com.krleads.dashboards.alerts;

import static com.krleads.dashboards.rules.SloRecordingRules.burnRate;
import static com.krleads.dashboards.rules.SloRecordingRules.errorsIncrease;
import static com.krleads.dashboards.rules.SloRecordingRules.lastBurnRate;
import static com.krleads.dashboards.rules.SloRecordingRules.select;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rulefile.AlertRule.Severity;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.dashboards.rules.BurnRatePair;
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
 * {@link BurnRatePair}s. A pair holds when the burn rate is above its threshold over the long
 * window and over the short window as last seen with events, and the long window holds at least
 * {@link BurnRatePair#MINIMUM_BAD_EVENTS} bad events. The guard counts bad events, not all events, so a total
 * outage pages at any traffic while one or two failures never do. No {@code for}: the short
 * window already demands that the burn is still going on.
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

    /** The burn-rate rules, then the absent-source rules of {@link SloSourceAlerts}: the SLO group. */
    public static List<AlertRule> withSourceAlerts() {
        List<AlertRule> rules = new ArrayList<>(ALL);
        rules.addAll(SloSourceAlerts.all());
        return rules;
    }

    /** The rule of one SLO and severity. */
    public static AlertRule of(ServiceLevelObjective slo, Severity severity) {
        return all().stream().filter(r -> r.labels().get(Labels.SLO).equals(slo.name()) && r.severity() == severity)
                .findFirst().orElseThrow();
    }

    public static List<BurnRatePair> pairs(Severity severity) {
        return Arrays.stream(BurnRatePair.values()).filter(p -> p.severity() == severity).toList();
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
        String above = " > " + pair.burnThreshold(slo).toPlainString();
        return select(burnRate(pair.longWindow()), slo) + above
                + "\nand " + select(lastBurnRate(pair.shortWindow()), slo) + above
                + "\nand " + select(errorsIncrease(pair.longWindow()), slo) + " >= " + BurnRatePair.MINIMUM_BAD_EVENTS;
    }

    private static String description(ServiceLevelObjective slo, List<BurnRatePair> pairs) {
        List<String> parts = pairs.stream().map(p -> p.burnThreshold(slo).toPlainString() + "x over " + p.longWindow()
                + " and " + p.shortWindow()).toList();
        BurnRatePair fastest = pairs.get(0);
        BigDecimal fastestBurn = fastest.burnThreshold(slo);
        long hoursLeft = BigDecimal.valueOf(slo.period().toHours()).divide(fastestBurn, 0, RoundingMode.HALF_UP)
                .longValueExact();
        return "The " + slo.name() + " objective (" + slo.objectivePercent() + " of " + slo.description() + ", over "
                + slo.period().toDays() + " days) is burning its error budget faster than allowed: "
                + String.join(", or ", parts) + " (at least " + BurnRatePair.MINIMUM_BAD_EVENTS + " bad events in the long window). "
                + "At " + fastestBurn.toPlainString() + "x the whole budget lasts about " + hoursLeft + " hours.";
    }
}
