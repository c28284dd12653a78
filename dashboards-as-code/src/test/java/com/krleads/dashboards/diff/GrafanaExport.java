package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.krleads.dashboards.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fixture builder: turns a generated dashboard into the JSON Grafana 11.6 writes when the
 * dashboard is exported (Share, Export, with or without "Export for sharing externally"). What
 * it adds follows Grafana's exporter and its panel defaults: ids, version, iteration, plugin
 * versions, field config and option defaults, datasources on every query, the selected value
 * and options of each variable, the Prometheus query editor's object form of a variable query,
 * and a shuffled key order. The external form also replaces the datasource with a
 * {@code ${DS_PROMETHEUS}} placeholder declared in {@code __inputs} and {@code __requires},
 * and clears the variables' selection.
 */
final class GrafanaExport {
    static final String VERSION = "11.6.0";
    static final String INPUT = "DS_PROMETHEUS";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GrafanaExport() {
    }

    /** "Export" with "Export for sharing externally" off. */
    static ObjectNode plain(JsonNode generated, long seed) {
        ObjectNode export = generated.deepCopy();
        export.put("id", 42);
        export.put("version", 7);
        export.put("iteration", 1764070000000L);
        export.put("fiscalYearStartMonth", 0);
        export.put("liveNow", false);
        export.put("weekStart", "");
        export.put("preload", false);
        export.putObject("timepicker");
        for (JsonNode panel : export.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                addPanelDefaults((ObjectNode) panel);
            }
        }
        for (JsonNode variable : export.path("templating").path("list")) {
            selectValues((ObjectNode) variable);
        }
        return shuffled(export, new Random(seed));
    }

    /** "Export" with "Export for sharing externally" on. */
    static ObjectNode forSharingExternally(JsonNode generated, long seed) {
        ObjectNode export = plain(generated, seed);
        export.putNull("id");
        TreeSet<String> panelTypes = new TreeSet<>();
        for (JsonNode panel : export.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                panelTypes.add(panel.path("type").asText());
                templatize((ObjectNode) panel);
                panel.path("targets").forEach(target -> templatize((ObjectNode) target));
            }
        }
        for (JsonNode variable : export.path("templating").path("list")) {
            ObjectNode v = (ObjectNode) variable;
            if ("query".equals(v.path("type").asText())) {
                templatize(v);
                v.putObject("current");
                v.putArray("options");
            } else if ("datasource".equals(v.path("type").asText())) {
                v.putObject("current");
            }
        }
        ObjectNode input = export.putArray("__inputs").addObject();
        input.put("name", INPUT).put("label", Settings.DATASOURCE_NAME).put("description", "")
                .put("type", "datasource").put("pluginId", Settings.DATASOURCE_TYPE).put("pluginName", "Prometheus");
        export.putObject("__elements");
        ArrayNode requires = export.putArray("__requires");
        requires.addObject().put("type", "datasource").put("id", Settings.DATASOURCE_TYPE).put("name", "Prometheus")
                .put("version", "1.0.0");
        requires.addObject().put("type", "grafana").put("id", "grafana").put("name", "Grafana").put("version", VERSION);
        for (String type : panelTypes) {
            requires.addObject().put("type", "panel").put("id", type).put("name", type).put("version", "");
        }
        return export;
    }

    /** A panel as Grafana 11.6 saves it after loading: plugin defaults filled in, every query with its datasource. */
    private static void addPanelDefaults(ObjectNode panel) {
        panel.put("pluginVersion", VERSION);
        JsonNode datasource = panel.get("datasource");
        ObjectNode fieldConfig = panel.has("fieldConfig") ? (ObjectNode) panel.get("fieldConfig") : panel.putObject("fieldConfig");
        ObjectNode defaults = fieldConfig.has("defaults") ? (ObjectNode) fieldConfig.get("defaults") : fieldConfig.putObject("defaults");
        if (!defaults.has("color")) {
            defaults.putObject("color").put("mode", "timeseries".equals(panel.path("type").asText()) ? "palette-classic" : "thresholds");
        }
        if (!defaults.has("mappings")) {
            defaults.putArray("mappings");
        }
        if (!defaults.has("thresholds")) {
            ObjectNode thresholds = defaults.putObject("thresholds").put("mode", "absolute");
            thresholds.putArray("steps").add(NODES.objectNode().put("color", "green").putNull("value"))
                    .add(NODES.objectNode().put("color", "red").put("value", 80));
        }
        // The base step is minus infinity, which JSON can only write as null.
        ((ObjectNode) defaults.path("thresholds").path("steps").get(0)).putNull("value");
        if (defaults.path("custom").isObject()) {
            ObjectNode custom = (ObjectNode) defaults.get("custom");
            custom.put("axisBorderShow", false);
            custom.putObject("hideFrom").put("legend", false).put("tooltip", false).put("viz", false);
        }
        if (!fieldConfig.has("overrides")) {
            fieldConfig.putArray("overrides");
        }
        ObjectNode options = panel.has("options") ? (ObjectNode) panel.get("options") : panel.putObject("options");
        if (options.path("tooltip").isObject()) {
            ((ObjectNode) options.get("tooltip")).put("hideZoom", false);
        }
        for (JsonNode target : panel.path("targets")) {
            ObjectNode t = (ObjectNode) target;
            // Grafana writes the query's datasource; the uid-only form is one of the forms it uses.
            if (!t.has("datasource") && datasource != null && datasource.has("uid")) {
                t.putObject("datasource").put("uid", datasource.get("uid").asText());
            }
            t.put("interval", "");
        }
    }

    /** What a user's visit leaves: a selected value and the options Grafana loaded. */
    private static void selectValues(ObjectNode variable) {
        variable.put("hide", 0);
        variable.put("skipUrlSync", false);
        variable.put("regex", "");
        if ("query".equals(variable.path("type").asText())) {
            String query = variable.path("query").asText();
            variable.put("definition", query);
            variable.putObject("query").put("qryType", 1).put("query", query)
                    .put("refId", "PrometheusVariableQueryEditor-VariableQuery");
            variable.putObject("current").put("selected", true)
                    .<ObjectNode>set("text", NODES.arrayNode().add("host-a:8080"))
                    .set("value", NODES.arrayNode().add("host-a:8080"));
            ArrayNode options = variable.putArray("options");
            options.addObject().put("selected", false).put("text", "All").put("value", "$__all");
            options.addObject().put("selected", true).put("text", "host-a:8080").put("value", "host-a:8080");
        } else {
            variable.putObject("current").put("selected", false).put("text", Settings.DATASOURCE_NAME)
                    .put("value", Settings.DATASOURCE_UID);
            variable.putArray("options");
        }
    }

    /**
     * A reference to a concrete datasource becomes the placeholder; a variable reference stays,
     * and so does no reference at all (Grafana's exporter leaves an undefined datasource undefined).
     */
    private static void templatize(ObjectNode holder) {
        JsonNode datasource = holder.get("datasource");
        if (datasource == null) {
            return;
        }
        String uid = datasource.isTextual() ? datasource.asText() : datasource.path("uid").asText();
        if (!uid.startsWith("$")) {
            holder.putObject("datasource").put("type", Settings.DATASOURCE_TYPE).put("uid", "${" + INPUT + "}");
        }
    }

    /** The same JSON with every object's keys in a random order. */
    static ObjectNode shuffled(ObjectNode node, Random random) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        Collections.shuffle(names, random);
        ObjectNode copy = NODES.objectNode();
        for (String name : names) {
            copy.set(name, shuffledValue(node.get(name), random));
        }
        return copy;
    }

    private static JsonNode shuffledValue(JsonNode value, Random random) {
        if (value.isObject()) {
            return shuffled((ObjectNode) value, random);
        }
        if (value.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            value.forEach(item -> copy.add(shuffledValue(item, random)));
            return copy;
        }
        return value;
    }
}
