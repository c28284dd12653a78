package com.krleads.dashboards.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.krleads.dashboards.Dashboards;
import com.krleads.dashboards.model.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of change on its own, on an export of a generated dashboard; panels picked from the output. */
class DashboardDiffTest {
    private final JsonNode generated = Dashboards.all().values().stream()
            .map(d -> (JsonNode) Json.mapper().valueToTree(d))
            .filter(d -> visualizations(d).size() >= 3 && d.path("templating").path("list").size() >= 2)
            .findFirst().orElseThrow();
    private final ObjectNode export = GrafanaExport.plain(generated, 11);

    private static List<ObjectNode> visualizations(JsonNode dashboard) {
        List<ObjectNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (!"row".equals(p.path("type").asText())) {
                panels.add((ObjectNode) p);
            }
        });
        return panels;
    }

    private ObjectNode panel(int index) {
        return visualizations(export).get(index);
    }

    private List<String> lines() {
        return DashboardDiff.compare(generated, export).stream().map(Change::text).toList();
    }

    private static String q(String text) {
        return TextNode.valueOf(text).toString();
    }

    @Test
    void resizingAPanelIsOneLine() {
        ObjectNode gridPos = (ObjectNode) panel(0).get("gridPos");
        int w = gridPos.path("w").asInt();
        gridPos.put("w", w - 1);

        assertThat(lines()).singleElement().asString()
                .startsWith("panel " + q(panel(0).path("title").asText()) + " in row ")
                .contains(": moved or resized: \"x=0 y=0 w=" + w + " ")
                .contains(" -> \"x=0 y=0 w=" + (w - 1) + " ");
    }

    @Test
    void aRenamedPanelIsPairedByItsId() {
        String old = panel(1).path("title").asText();
        panel(1).put("title", "Renamed in Grafana");

        assertThat(lines()).singleElement().asString()
                .startsWith("panel " + q(old))
                .endsWith(": title: " + q(old) + " -> \"Renamed in Grafana\"");
    }

    @Test
    void aPanelAddedInTheFirstRowDoesNotMoveThePanelsOfTheRowsBelow() {
        ArrayNode panels = (ArrayNode) export.get("panels");
        int firstRowEnd = 1;
        while (firstRowEnd < panels.size() && !"row".equals(panels.get(firstRowEnd).path("type").asText())) {
            firstRowEnd++;
        }
        int bottom = 0;
        for (int i = 0; i < firstRowEnd; i++) {
            bottom = Math.max(bottom, panels.get(i).path("gridPos").path("y").asInt() + panels.get(i).path("gridPos").path("h").asInt());
        }
        for (int i = firstRowEnd; i < panels.size(); i++) {
            ObjectNode gridPos = (ObjectNode) panels.get(i).get("gridPos");
            gridPos.put("y", gridPos.path("y").asInt() + 8);
        }
        ObjectNode added = panel(0).deepCopy().put("id", 999).put("title", "New stat");
        ((ObjectNode) added.get("gridPos")).put("x", 0).put("y", bottom).put("w", 24).put("h", 8);
        panels.insert(firstRowEnd, added);

        assertThat(lines()).singleElement().asString().startsWith("panel added: \"New stat\" in row ");
    }

    @Test
    void collapsingARowChangesNothing() {
        ArrayNode panels = (ArrayNode) export.get("panels");
        ObjectNode row = (ObjectNode) panels.get(0);
        assertThat(row.path("type").asText()).isEqualTo("row");
        ArrayNode nested = row.putArray("panels");
        while (panels.size() > 1 && !"row".equals(panels.get(1).path("type").asText())) {
            nested.add(panels.remove(1));
        }
        row.put("collapsed", true);

        assertThat(lines()).isEmpty();
    }

    @Test
    void panelPropertiesAndQueriesShowOldAndNew() {
        ObjectNode panel = panel(2);
        String name = "panel " + q(panel.path("title").asText());
        ObjectNode defaults = (ObjectNode) panel.path("fieldConfig").path("defaults");
        defaults.put("decimals", 3).put("noValue", "nothing yet");
        ArrayNode steps = (ArrayNode) defaults.path("thresholds").path("steps");
        steps.removeAll();
        steps.addObject().put("color", "blue").putNull("value");
        steps.addObject().put("color", "purple").put("value", 5.0);
        panel.put("description", "Edited.");
        ObjectNode target = (ObjectNode) panel.path("targets").get(0);
        String oldLegend = target.path("legendFormat").asText();
        target.put("legendFormat", "{{pod}}");
        panel.withArray("targets").addObject().put("refId", "Z").put("expr", "vector(1)");

        List<String> lines = lines();

        assertThat(lines).hasSize(6);
        assertThat(lines).allMatch(line -> line.startsWith(name));
        assertThat(lines).anyMatch(line -> line.endsWith(": description: " + q(generatedDescription(2)) + " -> \"Edited.\""));
        assertThat(lines).anyMatch(line -> line.endsWith(": noValue: (none) -> \"nothing yet\"")
                || line.contains(": noValue: \"") && line.endsWith(" -> \"nothing yet\""));
        assertThat(lines).anyMatch(line -> line.contains(": decimals: ") && line.endsWith(" -> 3"));
        assertThat(lines).anyMatch(line -> line.endsWith(" -> \"absolute: base blue, 5 purple\""));
        assertThat(lines).anyMatch(line -> line.endsWith(": query A legend: " + (oldLegend.isEmpty() ? "(none)" : q(oldLegend))
                + " -> \"{{pod}}\""));
        assertThat(lines).anyMatch(line -> line.endsWith(": query Z expr: (none) -> \"vector(1)\""));
    }

    private String generatedDescription(int index) {
        return visualizations(generated).get(index).path("description").asText();
    }

    @Test
    void variablesAddedRemovedAndChanged() {
        ArrayNode variables = (ArrayNode) export.path("templating").path("list");
        ObjectNode last = (ObjectNode) variables.get(variables.size() - 1);
        String changed = last.path("name").asText();
        ((ObjectNode) last.get("query")).put("query", "label_values(pod)");
        String removed = variables.get(0).path("name").asText();
        variables.remove(0);
        variables.addObject().put("type", "custom").put("name", "env").put("query", "dev,prod");

        assertThat(lines()).containsExactly(
                "variable removed: " + removed,
                "variable " + changed + ": query: " + q(generated.path("templating").path("list")
                        .get(variables.size() - 1).path("query").asText()) + " -> \"label_values(pod)\"",
                "variable added: env (custom)");
    }

    @Test
    void timeRangeRefreshAndLinks() {
        ((ObjectNode) export.get("time")).put("from", "now-24h");
        export.put("refresh", "1m");
        ArrayNode links = (ArrayNode) export.get("links");
        String first = links.get(0).path("title").asText();
        String oldUrl = links.get(0).path("url").asText();
        ((ObjectNode) links.get(0)).put("url", "/d/elsewhere");
        links.addObject().put("title", "Runbook").put("type", "link").put("url", "https://example.com/runbook");

        assertThat(lines()).containsExactly(
                "dashboard: time from: " + q(generated.path("time").path("from").asText()) + " -> \"now-24h\"",
                "dashboard: refresh: " + q(generated.path("refresh").asText()) + " -> \"1m\"",
                "link " + q(first) + ": url: " + q(oldUrl) + " -> \"/d/elsewhere\"",
                "link added: \"Runbook\" (link)");
    }

    @Test
    void anotherDatasourceOnAPanelIsAChange() {
        panel(0).putObject("datasource").put("type", "loki").put("uid", "logs");

        assertThat(lines()).singleElement().asString().endsWith(": datasource: " + q(
                DatasourceRefs.of(generated).canonical(visualizations(generated).get(0).get("datasource"))) + " -> \"logs\"");
    }

    /** Dashboards whose panels query through the datasource variable export with the variable kept. */
    @Test
    void panelsOnTheDatasourceVariableExportWithoutChange() {
        ObjectNode onVariable = generated.deepCopy();
        for (ObjectNode panel : visualizations(onVariable)) {
            panel.putObject("datasource").put("type", "prometheus").put("uid", "${datasource}");
            panel.path("targets").forEach(t -> ((ObjectNode) t).putObject("datasource").put("type", "prometheus")
                    .put("uid", "${datasource}"));
        }

        assertThat(DashboardDiff.compare(onVariable, GrafanaExport.forSharingExternally(onVariable, 4))).isEmpty();
        assertThat(DashboardDiff.compare(onVariable, GrafanaExport.plain(onVariable, 4))).isEmpty();
    }
}
