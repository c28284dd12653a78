package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dashboard's panels, rows included: a panel belongs to the row above it, or to a
 * collapsed row that holds it. Positions are taken relative to the top of the panel's row, so
 * a panel added in one row does not show every panel of the rows below as moved.
 */
final class PanelReader {
    static final String TITLE = "title";
    static final String ROW = "row";
    static final String TYPE = "type";
    static final String POSITION = "position";

    private final DatasourceRefs datasources;

    PanelReader(DatasourceRefs datasources) {
        this.datasources = datasources;
    }

    List<PanelSnapshot> read(JsonNode panels) {
        List<PanelSnapshot> read = new ArrayList<>();
        String row = "";
        int rowTop = 0;
        for (JsonNode panel : panels) {
            if (!"row".equals(panel.path("type").asText())) {
                read.add(snapshot(panel, row, rowTop));
                continue;
            }
            row = panel.path("title").asText("");
            JsonNode nested = panel.path("panels");
            if (panel.path("collapsed").asBoolean(false) && !nested.isEmpty()) {
                int top = topOf(nested);
                nested.forEach(p -> read.add(snapshot(p, panel.path("title").asText(""), top)));
            }
            rowTop = panel.path("gridPos").path("y").asInt(0) + panel.path("gridPos").path("h").asInt(1);
        }
        return read;
    }

    /** Grafana stores a collapsed row's panels where they were; expanding places the topmost right under the row. */
    private static int topOf(JsonNode nested) {
        int top = Integer.MAX_VALUE;
        for (JsonNode panel : nested) {
            top = Math.min(top, panel.path("gridPos").path("y").asInt(0));
        }
        return top;
    }

    private PanelSnapshot snapshot(JsonNode panel, String row, int rowTop) {
        String title = panel.path("title").asText("");
        JsonNode defaults = panel.path("fieldConfig").path("defaults");
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        properties.put(TITLE, TextNode.valueOf(title));
        properties.put(ROW, TextNode.valueOf(row));
        properties.put(TYPE, Values.text(panel.get("type")));
        properties.put("description", Values.text(panel.get("description")));
        properties.put("datasource", TextNode.valueOf(datasources.canonical(panel.get("datasource"))));
        properties.put("unit", Values.text(defaults.get("unit")));
        properties.put("decimals", Values.numberValue(defaults.get("decimals")));
        properties.put("min", Values.numberValue(defaults.get("min")));
        properties.put("max", Values.numberValue(defaults.get("max")));
        properties.put("noValue", Values.text(defaults.get("noValue")));
        properties.put("thresholds", Thresholds.describe(defaults.get("thresholds")));
        properties.put(POSITION, position(panel.path("gridPos"), rowTop));
        for (JsonNode target : panel.path("targets")) {
            String query = "query " + target.path("refId").asText("?");
            properties.put(query + " expr", Values.text(target.get("expr")));
            properties.put(query + " legend", Values.text(target.get("legendFormat")));
        }
        return new PanelSnapshot(panel.path("id").asInt(-1), title, row, properties);
    }

    private static JsonNode position(JsonNode gridPos, int rowTop) {
        return TextNode.valueOf("x=" + gridPos.path("x").asInt() + " y=" + (gridPos.path("y").asInt() - rowTop)
                + " w=" + gridPos.path("w").asInt() + " h=" + gridPos.path("h").asInt());
    }
}
