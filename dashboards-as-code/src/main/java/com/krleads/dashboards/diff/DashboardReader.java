package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces a dashboard JSON (generated or exported) to a {@link DashboardSnapshot}. Everything
 * not read here (ids, version, iteration, plugin versions, options and their defaults, key
 * order, {@code __inputs}/{@code __requires}) cannot show up as a change.
 */
final class DashboardReader {
    private DashboardReader() {
    }

    static DashboardSnapshot read(JsonNode dashboard) {
        DatasourceRefs datasources = DatasourceRefs.of(dashboard);
        return new DashboardSnapshot(
                settings(dashboard),
                links(dashboard.path("links")),
                new VariableReader(dashboard, datasources).read(dashboard.path("templating").path("list")),
                new PanelReader(datasources).read(dashboard.path("panels")));
    }

    private static Map<String, JsonNode> settings(JsonNode dashboard) {
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        settings.put("title", Values.text(dashboard.get("title")));
        settings.put("description", Values.text(dashboard.get("description")));
        settings.put("tags", list(dashboard.path("tags")));
        settings.put("time from", Values.text(dashboard.path("time").get("from")));
        settings.put("time to", Values.text(dashboard.path("time").get("to")));
        // Auto-refresh off is written as "" or false.
        JsonNode refresh = dashboard.get("refresh");
        settings.put("refresh", refresh != null && refresh.isBoolean() ? null : Values.text(refresh));
        return settings;
    }

    private static Map<String, Map<String, JsonNode>> links(JsonNode links) {
        Map<String, Map<String, JsonNode>> read = new LinkedHashMap<>();
        for (JsonNode link : links) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            properties.put("type", Values.text(link.get("type")));
            properties.put("url", Values.text(link.get("url")));
            properties.put("tooltip", Values.text(link.get("tooltip")));
            properties.put("icon", Values.text(link.get("icon")));
            properties.put("tags", list(link.path("tags")));
            properties.put("asDropdown", Values.bool(link.get("asDropdown")));
            properties.put("includeVars", Values.bool(link.get("includeVars")));
            properties.put("keepTime", Values.bool(link.get("keepTime")));
            properties.put("targetBlank", Values.bool(link.get("targetBlank")));
            String title = link.path("title").asText("");
            read.put(title.isEmpty() ? link.path("url").asText("") : title, properties);
        }
        return read;
    }

    private static JsonNode list(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return TextNode.valueOf(String.join(", ", items));
    }
}
