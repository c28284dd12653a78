package com.krleads.dashboards.rules;

import static com.krleads.dashboards.query.Promql.matchEqual;
import static com.krleads.dashboards.query.Promql.sum;

import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.query.SloQueries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Per SLO and per {@code job}, the error ratio over each burn-rate window and over the 30-day
 * period, and the event counts the low-volume guard reads. Every series carries an {@code slo}
 * label; names follow level:metric:operations.
 */
public final class SloRecordingRules {
    /** Every window a burn-rate pair uses, shortest first. */
    public static final List<String> WINDOWS = List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d");
    /** The windows whose event count guards an alert: the long window of each pair. */
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

    /** {@code job:slo_events:increase<window>}: events in the window. */
    public static String eventsIncrease(String window) {
        return LEVEL + "slo_events:increase" + window;
    }

    /** {@code job:slo_events:rate5m}: events per second. */
    public static String eventsRate() {
        return LEVEL + "slo_events:rate" + BASE_WINDOW;
    }

    /** {@code job:slo_errors:rate5m}: bad events per second. */
    public static String errorsRate() {
        return LEVEL + "slo_errors:rate" + BASE_WINDOW;
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
        List<RecordingRule> rules = new ArrayList<>();
        rules.add(new RecordingRule(eventsRate(), queries.totalRate(BASE_WINDOW), label));
        rules.add(new RecordingRule(errorsRate(), queries.errorRate(BASE_WINDOW), label));
        for (String window : WINDOWS) {
            rules.add(new RecordingRule(errorRatio(window), queries.errorRatio(window), label));
        }
        String days = period(slo);
        rules.add(new RecordingRule(errorRatio(days),
                sum(overTime(errorsRate(), slo, days), Labels.JOB) + " / ("
                        + sum(overTime(eventsRate(), slo, days), Labels.JOB) + " > 0)", label));
        for (String window : GUARD_WINDOWS) {
            rules.add(new RecordingRule(eventsIncrease(window), queries.totalIncrease(window), label));
        }
        return new RuleGroup(groupName(slo), rules, List.of());
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
