package com.krleads.dashboards.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Prometheus recording rule: {@code record} is the new series, {@code expr} its value. */
public record RecordingRule(String record, String expr) {
    Map<String, Object> toYaml() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("record", record);
        map.put("expr", expr);
        return map;
    }
}
