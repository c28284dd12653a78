package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixture edit: what an operator does in Grafana before exporting: changes one query, adds a
 * panel at the bottom, deletes the last panel and changes one unit. The panels are picked from
 * whatever the generator produces, and the expected report lines are spelled out here.
 */
final class FourChanges {
    static final String ADDED_TITLE = "Added in Grafana";
    static final String NEW_UNIT_IF_NOT_MS = "ms";

    final List<String> expectedLines = new ArrayList<>();

    /** Edits the export in place and records the lines the diff must print, in report order. */
    FourChanges(ObjectNode export) {
        List<ObjectNode> panels = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        String row = "";
        int bottom = 0;
        int maxId = 0;
        for (JsonNode panel : export.path("panels")) {
            bottom = Math.max(bottom, panel.path("gridPos").path("y").asInt() + panel.path("gridPos").path("h").asInt());
            maxId = Math.max(maxId, panel.path("id").asInt());
            if ("row".equals(panel.path("type").asText())) {
                row = panel.path("title").asText();
            } else {
                panels.add((ObjectNode) panel);
                rows.add(row);
            }
        }
        if (panels.size() < 3) {
            throw new IllegalStateException("the fixture needs a dashboard of at least three panels");
        }
        ObjectNode queried = panels.get(0);
        ObjectNode target = (ObjectNode) queried.path("targets").get(0);
        String oldExpr = target.path("expr").asText();
        String newExpr = "(" + oldExpr + ") * 2";
        target.put("expr", newExpr);
        expectedLines.add("panel " + q(queried.path("title").asText()) + inRow(rows.get(0)) + ": query "
                + target.path("refId").asText() + " expr: " + q(oldExpr) + " -> " + q(newExpr));

        int unitIndex = firstWithUnit(panels);
        ObjectNode unitPanel = panels.get(unitIndex);
        ObjectNode defaults = (ObjectNode) unitPanel.path("fieldConfig").path("defaults");
        String oldUnit = defaults.path("unit").asText();
        String newUnit = NEW_UNIT_IF_NOT_MS.equals(oldUnit) ? "s" : NEW_UNIT_IF_NOT_MS;
        defaults.put("unit", newUnit);
        expectedLines.add("panel " + q(unitPanel.path("title").asText()) + inRow(rows.get(unitIndex))
                + ": unit: " + q(oldUnit) + " -> " + q(newUnit));

        int last = panels.size() - 1;
        ObjectNode removed = panels.get(last);
        removePanel(export, removed);
        expectedLines.add("panel removed: " + q(removed.path("title").asText()) + inRow(rows.get(last)));

        ObjectNode added = queried.deepCopy();
        added.put("id", maxId + 1);
        added.put("title", ADDED_TITLE);
        added.put("type", "timeseries");
        ((ObjectNode) added.path("gridPos")).put("x", 0).put("y", bottom).put("w", 12).put("h", 8);
        ((ArrayNode) export.path("panels")).add(added);
        expectedLines.add("panel added: " + q(ADDED_TITLE) + inRow(row) + " (timeseries at x=0 y="
                + (bottom - lastRowTop(export)) + " w=12 h=8)");
    }

    private static int firstWithUnit(List<ObjectNode> panels) {
        for (int i = 1; i < panels.size() - 1; i++) {
            if (!panels.get(i).path("fieldConfig").path("defaults").path("unit").asText().isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("no panel with a unit between the first and the last");
    }

    private static void removePanel(ObjectNode export, ObjectNode panel) {
        ArrayNode all = (ArrayNode) export.path("panels");
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == panel) {
                all.remove(i);
                return;
            }
        }
    }

    /** The first line under the last row (0 when the dashboard has no rows). */
    private static int lastRowTop(ObjectNode export) {
        int top = 0;
        for (JsonNode panel : export.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                top = panel.path("gridPos").path("y").asInt() + panel.path("gridPos").path("h").asInt();
            }
        }
        return top;
    }

    private static String inRow(String row) {
        return row.isEmpty() ? "" : " in row " + q(row);
    }

    private static String q(String text) {
        return TextNode.valueOf(text).toString();
    }
}
