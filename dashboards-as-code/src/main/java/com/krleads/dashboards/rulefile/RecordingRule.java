package com.krleads.dashboards.rulefile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Prometheus recording rule: {@code record} is the new series, {@code expr} its value, and
 * {@code labels} are added to every series it writes (such as the {@code slo} a ratio belongs to).
 */
public record RecordingRule(String record, String expr, Map<String, String> labels) {
    public RecordingRule {
        labels = new LinkedHashMap<>(labels);
    }

    public RecordingRule(String record, String expr) {
        this(record, expr, Map.of());
    }

    Map<String, Object> toYaml() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("record", record);
        map.put("expr", expr);
        if (!labels.isEmpty()) {
            map.put("labels", labels);
        }
        return map;
    }
}
