package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A visualization panel reduced to what the diff compares, every value normalised.
 *
 * @param id         Grafana's panel id, used to pair a panel whose title changed
 * @param title      the panel's title
 * @param row        the title of the row it sits in, empty above the first row
 * @param properties field name to value (null when not set), in report order
 */
record PanelSnapshot(int id, String title, String row, Map<String, JsonNode> properties) {
    String type() {
        JsonNode type = properties.get(PanelReader.TYPE);
        return type == null ? "" : type.asText();
    }
}
