package com.krleads.dashboards.rules;

import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.sum;

import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.query.SloQueries;
import com.krleads.dashboards.rulefile.RecordingRule;
import com.krleads.dashboards.rulefile.RuleGroup;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per SLO and per {@code job}, everything the burn-rate alerts evaluate, recorded so that the SLO
 * dashboard reads the very same series: the objective and budget, the error ratio and burn rate
 * over each window and the 30-day period, the budget remaining, the events and bad events of each
 * long window, the guard and each pair's threshold. Every series carries {@code job} and
 * {@code slo}; names follow level:metric:operations.
 */
public final class SloRecordingRules {
    /** Every window a burn-rate pair uses, shortest first. */
    public static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");
    /** The windows whose event counts guard an alert: the long window of each pair. */
    public static final List<String> GUARD_WINDOWS = Arrays.stream(BurnRatePair.values()).map(BurnRatePair::longWindow).toList();
    /** The rate window of the events and errors the 30-day ratio is summed from. */
    static final String BASE_WINDOW = WINDOWS.get(0);
    private static final Promql Q = Promql.forRules();
    private static final String LEVEL = Labels.JOB + ":";

    private SloRecordingRules() {
    }

    public static List<RuleGroup> groups() {
        return ServiceLevelObjectives.ALL.stream().map(SloRecordingRules::group).toList();
    }

    public static String groupName(ServiceLevelObjective slo) {
        return "kr-lead-scraper.slo." + slo.name();
    }

    /** {@code job:slo_errors:ratio_rate<window>}: share of bad events over the window. */
    public static String errorRatio(String window) {
        return LEVEL + "slo_errors:ratio_rate" + window;
    }

    /** {@code job:slo_burn_rate:ratio_rate<window>}: the error ratio over the budget (1 spends it in exactly the period). */
    public static String burnRate(String window) {
        return LEVEL + "slo_burn_rate:ratio_rate" + window;
    }

    /**
     * {@code job:slo_burn_rate:last_ratio_rate<short>}: the burn rate of a short window as of the
     * last evaluation its window held events, looked back over its pair's long window. What the
     * alert compares: an empty short window (a few jobs an hour) neither resets nor blocks it.
     */
    public static String lastBurnRate(String shortWindow) {
        return LEVEL + "slo_burn_rate:last_ratio_rate" + shortWindow;
    }

    /** {@code job:slo_burn_rate_threshold:ratio_rate<long>}: the burn rate above which the pair of that long window alerts. */
    public static String burnThreshold(String longWindow) {
        return LEVEL + "slo_burn_rate_threshold:ratio_rate" + longWindow;
    }

    /** {@code job:slo_events:increase<window>}: events in the window. */
    public static String eventsIncrease(String window) {
        return LEVEL + "slo_events:increase" + window;
    }

    /** {@code job:slo_errors:increase<window>}: bad events in the window, what the guard counts. */
    public static String errorsIncrease(String window) {
        return LEVEL + "slo_errors:increase" + window;
    }

    /** {@code job:slo_events:rate5m}: events per second. */
    public static String eventsRate() {
        return LEVEL + "slo_events:rate" + BASE_WINDOW;
    }

    /** {@code job:slo_errors:rate5m}: bad events per second. */
    public static String errorsRate() {
        return LEVEL + "slo_errors:rate" + BASE_WINDOW;
    }

    /** {@code job:slo_objective:ratio}: the objective, a constant. */
    public static String objective() {
        return LEVEL + "slo_objective:ratio";
    }

    /** {@code job:slo_error_budget:ratio}: the share of events allowed to be bad, a constant. */
    public static String errorBudget() {
        return LEVEL + "slo_error_budget:ratio";
    }

    /** {@code job:slo_error_budget_remaining:ratio30d}: 1 untouched, 0 spent, below 0 overspent. */
    public static String budgetRemaining() {
        return LEVEL + "slo_error_budget_remaining:ratio" + ServiceLevelObjectives.PERIOD.toDays() + "d";
    }

    /** {@code job:slo_alert_min_errors:count}: the bad events a long window needs before a pair may alert. */
    public static String minimumErrors() {
        return LEVEL + "slo_alert_min_errors:count";
    }

    /** The period in Prometheus's notation: {@code 30d}. */
    public static String period(ServiceLevelObjective slo) {
        return slo.period().toDays() + "d";
    }

    /** A recorded series of one SLO. */
    public static String select(String record, ServiceLevelObjective slo) {
        return Q.select(record, matchEqual(Labels.SLO, slo.name()));
    }

    static RuleGroup group(ServiceLevelObjective slo) {
        SloQueries queries = new SloQueries(Q, slo, Labels.JOB);
        Map<String, String> label = Map.of(Labels.SLO, slo.name());
        List<RecordingRule> rules = new ArrayList<>(constants(slo));
        rules.add(new RecordingRule(eventsRate(), queries.totalRate(BASE_WINDOW), label));
        rules.add(new RecordingRule(errorsRate(), queries.errorRate(BASE_WINDOW), label));
        for (String window : WINDOWS) {
            rules.add(new RecordingRule(errorRatio(window), queries.errorRatio(window), label));
            rules.add(new RecordingRule(burnRate(window), burn(slo, window), label));
        }
        String days = period(slo);
        rules.add(new RecordingRule(errorRatio(days),
                sum(overTime(errorsRate(), slo, days), Labels.JOB) + " / ("
                        + sum(overTime(eventsRate(), slo, days), Labels.JOB) + " > 0)", label));
        rules.add(new RecordingRule(burnRate(days), burn(slo, days), label));
        rules.add(new RecordingRule(budgetRemaining(), "1 - " + select(burnRate(days), slo), label));
        for (String window : GUARD_WINDOWS) {
            rules.add(new RecordingRule(eventsIncrease(window), queries.totalIncrease(window), label));
            rules.add(new RecordingRule(errorsIncrease(window), queries.errorIncrease(window), label));
        }
        for (BurnRatePair pair : BurnRatePair.values()) {
            rules.add(new RecordingRule(lastBurnRate(pair.shortWindow()),
                    "last_over_time(" + select(burnRate(pair.shortWindow()), slo) + "[" + pair.longWindow() + "])", label));
        }
        return new RuleGroup(groupName(slo), rules, List.of());
    }

    /**
     * The SLO's constants, with the labels of the series they sit beside: {@code vector()} has
     * none, so the rule sets {@code job} as well as {@code slo}.
     */
    private static List<RecordingRule> constants(ServiceLevelObjective slo) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.JOB, Settings.SCRAPE_JOB);
        labels.put(Labels.SLO, slo.name());
        List<RecordingRule> rules = new ArrayList<>();
        rules.add(new RecordingRule(objective(), constant(slo.objective()), labels));
        rules.add(new RecordingRule(errorBudget(), constant(slo.errorBudget()), labels));
        rules.add(new RecordingRule(minimumErrors(), constant(BigDecimal.valueOf(BurnRatePair.MINIMUM_BAD_EVENTS)), labels));
        for (BurnRatePair pair : BurnRatePair.values()) {
            rules.add(new RecordingRule(burnThreshold(pair.longWindow()),
                    constant(pair.burnThreshold(slo)), labels));
        }
        return rules;
    }

    private static String constant(BigDecimal value) {
        return "vector(" + value.stripTrailingZeros().toPlainString() + ")";
    }

    private static String burn(ServiceLevelObjective slo, String window) {
        return select(errorRatio(window), slo) + " / " + slo.errorBudget().stripTrailingZeros().toPlainString();
    }

    /**
     * The period's ratio from the recorded 5-minute rates: the sum of bad-event rates over the
     * sum of event rates, so every evaluation weighs by its traffic (cheaper than a 30-day rate
     * over the raw counters).
     */
    private static String overTime(String record, ServiceLevelObjective slo, String window) {
        return "sum_over_time(" + select(record, slo) + "[" + window + "])";
    }
}
