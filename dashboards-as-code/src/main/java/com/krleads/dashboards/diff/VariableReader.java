package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads template variables by name. The selected value and the option list ({@code current},
 * {@code options}) are left out: Grafana rewrites them whenever someone picks a value, and
 * clears them on "Export for sharing externally".
 */
final class VariableReader {
    private final DatasourceRefs datasources;
    private final Map<String, String> constants = new LinkedHashMap<>();

    VariableReader(JsonNode dashboard, DatasourceRefs datasources) {
        this.datasources = datasources;
        for (JsonNode input : dashboard.path("__inputs")) {
            if ("constant".equals(input.path("type").asText())) {
                constants.put("${" + input.path("name").asText() + "}", input.path("value").asText());
            }
        }
    }

    Map<String, Map<String, JsonNode>> read(JsonNode list) {
        Map<String, Map<String, JsonNode>> variables = new LinkedHashMap<>();
        for (JsonNode variable : list) {
            variables.put(variable.path("name").asText(), properties(variable));
        }
        return variables;
    }

    private Map<String, JsonNode> properties(JsonNode variable) {
        String type = variable.path("type").asText();
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        properties.put("type", Values.text(variable.get("type")));
        properties.put("label", Values.text(variable.get("label")));
        properties.put("description", Values.text(variable.get("description")));
        properties.put("hide", Values.integer(variable.get("hide"), 0));
        if (variable.has("datasource") || "query".equals(type) || "adhoc".equals(type)) {
            properties.put("datasource", TextNode.valueOf(datasources.canonical(variable.get("datasource"))));
        }
        properties.put("query", query(variable.get("query")));
        properties.put("regex", Values.text(variable.get("regex")));
        properties.put("multi", Values.bool(variable.get("multi")));
        properties.put("includeAll", Values.bool(variable.get("includeAll")));
        properties.put("allValue", Values.text(variable.get("allValue")));
        properties.put("refresh", refresh(type, variable.get("refresh")));
        properties.put("sort", Values.integer(variable.get("sort"), 0));
        return properties;
    }

    /** The Prometheus query editor saves {@code {"query": ..., "refId": ...}}; older dashboards a string. */
    private JsonNode query(JsonNode query) {
        JsonNode text = query != null && query.isObject() ? Values.text(query.get("query")) : Values.text(query);
        if (text != null && constants.containsKey(text.asText())) {
            return TextNode.valueOf(constants.get(text.asText()));
        }
        return text;
    }

    /** Grafana loads a query variable set to never refresh as "on dashboard load", and exports it so. */
    private static JsonNode refresh(String type, JsonNode refresh) {
        int value = Values.integer(refresh, 0).asInt();
        return IntNode.valueOf("query".equals(type) && value == 0 ? 1 : value);
    }
}
