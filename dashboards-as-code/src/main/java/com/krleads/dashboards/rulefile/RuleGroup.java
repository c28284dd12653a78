package com.krleads.dashboards.rulefile;

import com.krleads.dashboards.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named group of recording and/or alerting rules, evaluated together. */
public record RuleGroup(String name, List<RecordingRule> recordingRules, List<AlertRule> alertRules) {
    public RuleGroup {
        recordingRules = List.copyOf(recordingRules);
        alertRules = List.copyOf(alertRules);
    }

    public static RuleGroup recording(String name, RecordingRule... rules) {
        return new RuleGroup(name, List.of(rules), List.of());
    }

    public static RuleGroup alerting(String name, AlertRule... rules) {
        return new RuleGroup(name, List.of(), List.of(rules));
    }

    /** Every expression of the group, recording rules first. */
    public List<String> expressions() {
        List<String> exprs = new ArrayList<>();
        recordingRules.forEach(rule -> exprs.add(rule.expr()));
        alertRules.forEach(rule -> exprs.add(rule.expr()));
        return exprs;
    }

    Map<String, Object> toYaml(Settings settings) {
        List<Map<String, Object>> rules = new ArrayList<>();
        recordingRules.forEach(rule -> rules.add(rule.toYaml()));
        alertRules.forEach(rule -> rules.add(rule.toYaml(settings)));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("rules", rules);
        return map;
    }

    /** The content of a rule file holding these groups, with the links of these settings. */
    public static Map<String, Object> file(List<RuleGroup> groups, Settings settings) {
        List<Map<String, Object>> list = new ArrayList<>();
        groups.forEach(group -> list.add(group.toYaml(settings)));
        return Map.of("groups", list);
    }
}
