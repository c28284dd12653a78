package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every generated dashboard against Grafana's own JSON Schemas, down to each panel and query. */
class DashboardSchemaTest {
    private final GrafanaSchemas schemas = GrafanaSchemas.require();

    @Test
    void everyDashboardValidatesAtTheRoot() {
        for (Map.Entry<String, JsonNode> dashboard : GeneratedOutput.dashboards().entrySet()) {
            assertThat(schemas.validate("dashboard.jsonschema.json", null, dashboard.getValue()))
                    .as(dashboard.getKey()).isEmpty();
        }
    }

    @Test
    void everyPanelsOptionsCustomFieldConfigAndTargetsValidate() {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> dashboard : GeneratedOutput.dashboards().entrySet()) {
            for (JsonNode panel : GeneratedOutput.panels(dashboard.getValue())) {
                errors.addAll(panelErrors(dashboard.getKey(), panel));
            }
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void everyUnitIsOneGrafanaKnows() {
        for (JsonNode dashboard : GeneratedOutput.dashboards().values()) {
            for (JsonNode panel : GeneratedOutput.panels(dashboard)) {
                JsonNode unit = panel.path("fieldConfig").path("defaults").path("unit");
                assertThat(unit.isTextual()).as("unit of %s", panel.get("title")).isTrue();
                assertThat(schemas.units()).as("unit of %s", panel.get("title")).contains(unit.asText());
            }
        }
    }

    /** The validation is not vacuous: a panel with a wrong option, custom field or target fails. */
    @Test
    void aBrokenPanelIsCaught() {
        JsonNode dashboard = GeneratedOutput.dashboards().values().iterator().next();
        ObjectNode panel = GeneratedOutput.panels(dashboard).stream()
                .filter(p -> p.get("type").asText().equals("timeseries")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) panel.get("options").get("legend")).put("displayMode", "sideways");
        ((ObjectNode) panel.get("fieldConfig").get("defaults").get("custom")).put("lineWidht", 2);
        ((ObjectNode) panel.get("targets").get(0)).remove("refId");
        assertThat(panelErrors("broken", panel)).hasSizeGreaterThanOrEqualTo(3);

        ObjectNode root = dashboard.deepCopy();
        ((ObjectNode) root.get("panels").get(1)).put("gridPos", "left");
        assertThat(schemas.validate("dashboard.jsonschema.json", null, root)).isNotEmpty();
    }

    /** Overrides are still checked after the schema's "value must be an object" is corrected to "any value". */
    @Test
    void aUnitOverrideValidatesAndABrokenOverrideDoesNot() {
        JsonNode dashboard = GeneratedOutput.dashboards().get(KrDashboard.API_METRICS.fileName());
        int table = 0;
        while (!dashboard.get("panels").get(table).get("type").asText().equals("table")) {
            table++;
        }
        ObjectNode property = (ObjectNode) dashboard.get("panels").get(table).get("fieldConfig").get("overrides").get(0)
                .get("properties").get(0);
        assertThat(property.get("value").isTextual()).isTrue();
        assertThat(schemas.validate("dashboard.jsonschema.json", null, dashboard)).isEmpty();

        ObjectNode broken = dashboard.deepCopy();
        ObjectNode brokenProperty = (ObjectNode) broken.get("panels").get(table).get("fieldConfig").get("overrides").get(0)
                .get("properties").get(0);
        brokenProperty.remove("id");
        brokenProperty.put("unitt", "s");
        assertThat(schemas.validate("dashboard.jsonschema.json", null, broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    private List<String> panelErrors(String file, JsonNode panel) {
        String type = panel.get("type").asText();
        String schemaFile = type + ".jsonschema.json";
        String where = file + " / " + panel.get("title").asText() + " (" + type + ")";
        assertThat(schemas.hasFile(schemaFile)).as("schema for panel type %s", type).isTrue();
        List<String> errors = new ArrayList<>();
        schemas.validate(schemaFile, "Options", panel.get("options")).forEach(e -> errors.add(where + " options: " + e));
        JsonNode custom = panel.path("fieldConfig").path("defaults").path("custom");
        if (schemas.hasDefinition(schemaFile, "FieldConfig")) {
            assertThat(custom.isObject()).as("%s has fieldConfig.defaults.custom", where).isTrue();
            schemas.validate(schemaFile, "FieldConfig", custom).forEach(e -> errors.add(where + " custom: " + e));
        } else {
            assertThat(custom.isMissingNode()).as("%s: its type has no custom field config", where).isTrue();
        }
        for (JsonNode target : panel.get("targets")) {
            schemas.validate("prometheus.jsonschema.json", null, target).forEach(e -> errors.add(where + " target: " + e));
        }
        return errors;
    }
}
