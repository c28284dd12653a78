package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A panel's thresholds as one line such as {@code absolute: base green, 80 red}. Grafana fills
 * in its default thresholds when a panel has none, and always stores the first step's value as
 * null (minus infinity), so the first step is the base whatever value it was written with.
 */
final class Thresholds {
    /** What Grafana's field config registry puts on a panel that sets no thresholds. */
    static final String GRAFANA_DEFAULT = "absolute: base green, 80 red";

    private Thresholds() {
    }

    static JsonNode describe(JsonNode thresholds) {
        JsonNode steps = thresholds == null ? null : thresholds.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            return TextNode.valueOf(GRAFANA_DEFAULT);
        }
        String mode = thresholds.path("mode").asText("absolute");
        List<String> parts = new ArrayList<>();
        parts.add("base " + steps.get(0).path("color").asText());
        List<JsonNode> rest = new ArrayList<>();
        steps.forEach(rest::add);
        rest.remove(0);
        rest.sort(Comparator.comparing(step -> step.path("value").decimalValue(), BigDecimal::compareTo));
        for (JsonNode step : rest) {
            parts.add(Values.number(step.path("value")) + " " + step.path("color").asText());
        }
        return TextNode.valueOf((mode.isEmpty() ? "absolute" : mode) + ": " + String.join(", ", parts));
    }
}
