package com.krleads.dashboards.model;

import java.util.List;
import java.util.Map;

/** A panel's field configuration: defaults for every field, plus overrides for matched fields. */
public final class FieldConfig {
    private final Defaults defaults;
    private final List<Override> overrides;

    FieldConfig(Defaults defaults, List<Override> overrides) {
        this.defaults = defaults;
        this.overrides = List.copyOf(overrides);
    }

    public Defaults defaults() {
        return defaults;
    }

    public List<Override> overrides() {
        return overrides;
    }

    /** Standard options that apply to every field, plus the panel type's own {@code custom} block. */
    public static final class Defaults {
        private final String unit;
        private final Integer decimals;
        private final Double min;
        private final Double max;
        private final Threshold.Steps thresholds;
        private final Map<String, Object> color;
        private final Map<String, Object> custom;
        private final String noValue;
        private final List<Map<String, Object>> mappings;

        Defaults(String unit, Integer decimals, Double min, Double max, Threshold.Steps thresholds,
                 Map<String, Object> color, Map<String, Object> custom, String noValue,
                 List<Map<String, Object>> mappings) {
            this.unit = unit;
            this.decimals = decimals;
            this.min = min;
            this.max = max;
            this.thresholds = thresholds;
            this.color = color;
            this.custom = custom;
            this.noValue = noValue;
            this.mappings = mappings.isEmpty() ? null : List.copyOf(mappings);
        }

        public String unit() {
            return unit;
        }

        public Map<String, Object> custom() {
            return custom;
        }
    }

    /**
     * Options for the fields a matcher selects. Grafana's schema types each property value as an
     * object, so overrides here set object-valued options (such as a fixed color).
     */
    public static final class Override {
        private final Map<String, Object> matcher;
        private final List<Map<String, Object>> properties;

        private Override(Map<String, Object> matcher, List<Map<String, Object>> properties) {
            this.matcher = matcher;
            this.properties = properties;
        }

        /**
         * The series with these display names get a fixed color. Uses the {@code byNames} matcher
         * because Grafana's schema types matcher options as an object, which rules out the
         * string-valued {@code byName} and {@code byRegexp} matchers.
         */
        public static Override fixedColor(String color, String... names) {
            return new Override(byNames(names),
                    List.of(Map.of("id", "color", "value", Map.of("mode", "fixed", "fixedColor", color))));
        }

        /**
         * The fields with these display names (such as a table's columns) get their own unit. A
         * unit is a string: see GrafanaSchemas in the tests for why the schema's "object" is
         * read as "any value" here, as in Grafana's own model.
         */
        public static Override unit(String unit, String... names) {
            return new Override(byNames(names), List.of(Map.<String, Object>of("id", "unit", "value", unit)));
        }

        /** The fields with these display names show {@code text} in {@code color} for the given numbers. */
        public static Override valueTexts(Map<Long, Map.Entry<String, String>> texts, String... names) {
            Map<String, Object> options = new java.util.TreeMap<>();
            int index = 0;
            for (Map.Entry<Long, Map.Entry<String, String>> e : new java.util.TreeMap<>(texts).entrySet()) {
                options.put(String.valueOf(e.getKey()),
                        Map.of("text", e.getValue().getKey(), "color", e.getValue().getValue(), "index", index++));
            }
            return new Override(byNames(names), List.of(Map.<String, Object>of("id", "mappings",
                    "value", List.of(Map.of("type", "value", "options", options)))));
        }

        /** The table columns with these names color their text by {@code thresholds}. */
        public static Override coloredByThresholds(Threshold.Steps thresholds, String... names) {
            return new Override(byNames(names), List.of(
                    Map.of("id", "thresholds", "value", thresholds),
                    Map.of("id", "custom.cellOptions", "value", Map.of("type", "color-text"))));
        }

        private static Map<String, Object> byNames(String... names) {
            return Map.of("id", "byNames", "options", Map.of("mode", "include", "names", List.of(names)));
        }
    }
}
