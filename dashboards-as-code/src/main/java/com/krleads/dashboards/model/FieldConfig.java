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

        /** Series whose display name is exactly {@code name} get a fixed color. */
        public static Override fixedColor(String name, String color) {
            return new Override(
                    Map.of("id", "byName", "options", name),
                    List.of(Map.of("id", "color", "value", Map.of("mode", "fixed", "fixedColor", color))));
        }

        /** Series whose display name matches {@code regex} get a fixed color. */
        public static Override fixedColorByRegex(String regex, String color) {
            return new Override(
                    Map.of("id", "byRegexp", "options", regex),
                    List.of(Map.of("id", "color", "value", Map.of("mode", "fixed", "fixedColor", color))));
        }
    }
}
