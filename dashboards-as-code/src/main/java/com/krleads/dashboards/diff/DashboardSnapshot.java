package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A dashboard reduced to what the diff compares: its own settings, its links by title, its
 * variables by name (each a map of normalised properties) and its panels in layout order.
 */
record DashboardSnapshot(Map<String, JsonNode> settings, Map<String, Map<String, JsonNode>> links,
                         Map<String, Map<String, JsonNode>> variables, List<PanelSnapshot> panels) {
}
