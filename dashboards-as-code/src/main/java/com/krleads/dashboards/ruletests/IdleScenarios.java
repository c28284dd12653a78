package com.krleads.dashboards.ruletests;

import com.krleads.dashboards.query.Promql;
import com.krleads.dashboards.rules.RecordingRules;
import com.krleads.dashboards.rules.SloRecordingRules;
import com.krleads.metrics.Labels;
import com.krleads.metrics.ServiceLevelObjective;
import com.krleads.metrics.ServiceLevelObjectives;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * No rule result is NaN: after ten busy minutes every SLO's events stop. At minute 60 the idle
 * 5-minute windows record nothing (no series, so panels show their no-data text), the hour that
 * still holds the traffic records its ratio, and no recorded series anywhere is NaN
 * ({@code x != x} holds only for NaN).
 */
final class IdleScenarios {
    private IdleScenarios() {
    }

    static AlertScenario idleWindowsRecordNothing() {
        AlertScenario scenario = AlertScenario.named("Idle windows record no series and no recorded series is NaN");
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            Counter total = Counter.counter().rise(10, 10).flat(50);
            Counter good = Counter.counter().rise(9, 10).flat(50);
            SloScenarios.events(scenario, slo, good, total);
        }
        scenario.at("60m");
        for (String record : recordedNames()) {
            scenario.expectSamples(record + " != " + record, Map.of());
        }
        scenario.expectSamples("count(" + SloRecordingRules.errorRatio("5m") + ")", Map.of());
        Map<String, Integer> perSlo = new LinkedHashMap<>();
        perSlo.put("{}", ServiceLevelObjectives.ALL.size());
        scenario.expectSamples("count(" + SloRecordingRules.errorRatio("1h") + ")", perSlo);
        Map<String, Integer> tenth = new LinkedHashMap<>();
        for (ServiceLevelObjective slo : ServiceLevelObjectives.ALL) {
            tenth.put("{" + Labels.SLO + "=\"" + slo.name() + "\"}", 1);
        }
        // One bad event in ten: a ratio of 0.1, give or take floating point.
        scenario.expectSamples(Promql.count(SloRecordingRules.errorRatio("1h") + " > 0.0999 < 0.1001", Labels.SLO), tenth);
        return scenario;
    }

    private static List<String> recordedNames() {
        TreeSet<String> names = new TreeSet<>();
        RecordingRules.groups().forEach(group -> group.recordingRules().forEach(rule -> names.add(rule.record())));
        return List.copyOf(names);
    }
}
