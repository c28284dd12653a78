package com.krleads.dashboards.ruletests;

import com.krleads.dashboards.Settings;
import com.krleads.dashboards.alerts.AlertRules;
import com.krleads.dashboards.rules.RecordingRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The promtool unit-test files ({@code promtool test rules}) that the generator writes beside the
 * rule files. They are generated output like the rules themselves, so this lives in main, not in
 * the Java tests: CI and operators run the written files against the written rules with promtool.
 */
public final class RuleTestFiles {
    private RuleTestFiles() {
    }

    /** The promtool test file, rules evaluated every minute, against the given rule files (relative to it). */
    public static Map<String, Object> minuteByMinute(List<String> ruleFiles, Settings settings) {
        return file(ruleFiles, AlertScenarios.scenarios(), "1m", settings);
    }

    /**
     * The days-long SLO scenarios, rules evaluated every 5 minutes (input samples stay one a
     * minute): the same checks at a fifth of the cost.
     */
    public static Map<String, Object> daysLong(List<String> ruleFiles, Settings settings) {
        return file(ruleFiles, SloScenarios.daysLong(), SloScenarios.DAYS_LONG_EVALUATION, settings);
    }

    /**
     * promtool evaluates groups in an undefined order unless told: recording groups go first so
     * that alerts read the ratios of the same evaluation, as Prometheus does a moment later.
     */
    private static Map<String, Object> file(List<String> ruleFiles, List<AlertScenario> scenarios, String interval,
                                            Settings settings) {
        List<String> order = new ArrayList<>();
        RecordingRules.groups().forEach(group -> order.add(group.name()));
        AlertRules.groups().forEach(group -> order.add(group.name()));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", ruleFiles);
        file.put("evaluation_interval", interval);
        file.put("group_eval_order", order);
        file.put("tests", scenarios.stream().map(scenario -> scenario.toYaml(settings)).toList());
        return file;
    }
}
