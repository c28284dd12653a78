package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.output.Generator;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the issue asks of every dashboard, checked on the generated files. */
class DashboardContentTest {
    private final Map<String, JsonNode> dashboards = GeneratedOutput.dashboards();

    @Test
    void stableUidsTitlesAndTheGeneratedTag() {
        for (KrDashboard which : KrDashboard.values()) {
            JsonNode dashboard = dashboards.get(which.fileName());
            assertThat(dashboard.get("uid").asText()).isEqualTo(which.uid());
            assertThat(dashboard.get("title").asText()).isEqualTo(which.title());
            assertThat(dashboard.get("tags").toString()).contains("\"generated\"");
        }
        assertThat(KrDashboard.API_METRICS.uid()).isEqualTo("kr-api-metrics");
        assertThat(KrDashboard.SCRAPING_STATISTICS.uid()).isEqualTo("kr-scraping-statistics");
        assertThat(KrDashboard.SYSTEM_HEALTH.uid()).isEqualTo("kr-system-health");
    }

    @Test
    void eachLinksToTheOtherTwo() {
        for (KrDashboard which : KrDashboard.values()) {
            List<String> urls = new ArrayList<>();
            dashboards.get(which.fileName()).get("links").forEach(l -> urls.add(l.get("url").asText()));
            List<String> others = new ArrayList<>();
            for (KrDashboard other : KrDashboard.values()) {
                if (other != which) {
                    others.add("/d/" + other.uid());
                }
            }
            assertThat(urls).containsExactlyElementsOf(others);
        }
    }

    @Test
    void theMixinVariablesDatasourceJobAndInstance() {
        String datasource = "${" + Settings.DATASOURCE_VARIABLE + "}";
        for (JsonNode dashboard : dashboards.values()) {
            JsonNode vars = dashboard.get("templating").get("list");
            assertThat(vars).hasSize(3);
            JsonNode ds = vars.get(0);
            assertThat(ds.get("name").asText()).isEqualTo(Settings.DATASOURCE_VARIABLE);
            assertThat(ds.get("type").asText()).isEqualTo("datasource");
            assertThat(ds.get("query").asText()).isEqualTo(Settings.DATASOURCE_TYPE);
            JsonNode job = vars.get(1);
            assertThat(job.get("name").asText()).isEqualTo(Labels.JOB);
            assertThat(job.get("type").asText()).isEqualTo("query");
            assertThat(job.get("datasource").get("uid").asText()).isEqualTo(datasource);
            assertThat(job.get("current").get("value").toString()).isEqualTo("[\"" + Settings.SCRAPE_JOB + "\"]");
            assertThat(job.get("includeAll").asBoolean()).as("All would mix in every other job").isFalse();
            JsonNode instance = vars.get(2);
            assertThat(instance.get("name").asText()).isEqualTo(Labels.INSTANCE);
            assertThat(instance.get("multi").asBoolean()).isTrue();
            assertThat(instance.get("includeAll").asBoolean()).isTrue();
            assertThat(instance.get("allValue").asText()).isEqualTo(".+");
            assertThat(instance.get("datasource").get("uid").asText()).isEqualTo(datasource);
            assertThat(instance.get("query").asText())
                    .isEqualTo("label_values(" + KnownSeries.UP.name() + "{" + Labels.JOB + "=~\"$job\"}, " + Labels.INSTANCE + ")");
        }
    }

    @Test
    void everyPanelIsDescribedUsesTheDatasourceVariableAndFollowsJobAndInstance() {
        int follows = 0;
        int targets = 0;
        for (JsonNode dashboard : dashboards.values()) {
            for (JsonNode panel : GeneratedOutput.panels(dashboard)) {
                String title = panel.get("title").asText();
                assertThat(panel.path("description").asText()).as(title).isNotBlank();
                assertThat(panel.get("datasource").get("uid").asText()).as(title).isEqualTo("${" + Settings.DATASOURCE_VARIABLE + "}");
                for (JsonNode target : panel.get("targets")) {
                    targets++;
                    String expr = target.get("expr").asText();
                    if (expr.contains(Labels.JOB + "=~\"$job\"") && expr.contains(Labels.INSTANCE + "=~\"$instance\"")) {
                        follows++;
                    }
                }
            }
        }
        assertThat(follows).isEqualTo(targets).isEqualTo(52 + 15);
    }

    @Test
    void provisionedDashboardsAreReadOnly() {
        dashboards.values().forEach(d -> assertThat(d.get("editable").asBoolean()).isFalse());
        assertThat(GeneratedOutput.read(Generator.PROVIDER_FILE)).contains("allowUiUpdates: false");
    }

    @Test
    void singleValuePanelsHaveExplicitThresholdsAndIdlePanelsSayWhy() {
        for (JsonNode dashboard : dashboards.values()) {
            for (JsonNode panel : GeneratedOutput.panels(dashboard)) {
                String title = panel.get("title").asText();
                JsonNode defaults = panel.get("fieldConfig").get("defaults");
                if (List.of("stat", "gauge", "bargauge").contains(panel.get("type").asText())) {
                    assertThat(defaults.path("thresholds").path("steps").size()).as(title).isPositive();
                }
                String exprs = panel.get("targets").toString();
                assertThat(exprs).as(title).doesNotContain("vector(");
                if (exprs.contains(" > 0)")) {
                    assertThat(defaults.path("noValue").asText()).as("%s guards a ratio", title).isNotBlank();
                }
            }
        }
    }

    @Test
    void selectedRangeTilesUseTheRangeAndCountBarsSetTheirInterval() {
        int inRange = 0;
        for (JsonNode dashboard : dashboards.values()) {
            for (JsonNode panel : GeneratedOutput.panels(dashboard)) {
                String title = panel.get("title").asText();
                String exprs = panel.get("targets").toString();
                boolean saysRange = panel.get("description").asText().contains("in the selected range");
                boolean ownRange = panel.has("timeFrom");
                assertThat(exprs.contains("[$__range]")).as(title).isEqualTo(saysRange || ownRange);
                inRange += saysRange ? 1 : 0;
                if (exprs.contains("increase(") && exprs.contains("[$__rate_interval]")) {
                    assertThat(panel.path("interval").asText()).as(title).isEqualTo(Common.COUNT_INTERVAL);
                }
            }
        }
        assertThat(inRange).isEqualTo(3 + 3);
    }

    @Test
    void everyTableColumnHasItsUnit() {
        JsonNode table = GeneratedOutput.panels(dashboards.get(KrDashboard.API_METRICS.fileName())).stream()
                .filter(p -> p.get("type").asText().equals("table")).findFirst().orElseThrow();
        List<String> units = new ArrayList<>();
        table.get("fieldConfig").get("overrides").forEach(o -> units.add(
                o.get("matcher").get("options").get("names").get(0).asText() + "=" + o.get("properties").get(0).get("value").asText()));
        assertThat(units).containsExactly("Requests/s=reqps", "p95 (s)=s", "Exceptions/s=ops");
    }

    @Test
    void noImportPlaceholdersAnywhere() {
        for (String file : List.of(Generator.DATASOURCE_FILE, Generator.PROVIDER_FILE)) {
            assertThat(GeneratedOutput.read(file)).doesNotContain("${DS_");
        }
        dashboards.values().forEach(d -> assertThat(d.toString()).doesNotContain("${DS_").doesNotContain("__inputs"));
    }

    @Test
    void panelIdsAreUniqueAndPanelsDoNotOverlap() {
        for (JsonNode dashboard : dashboards.values()) {
            Set<Integer> ids = new HashSet<>();
            Set<String> cells = new HashSet<>();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt())).isTrue();
                JsonNode pos = panel.get("gridPos");
                for (int x = pos.get("x").asInt(); x < pos.get("x").asInt() + pos.get("w").asInt(); x++) {
                    for (int y = pos.get("y").asInt(); y < pos.get("y").asInt() + pos.get("h").asInt(); y++) {
                        assertThat(cells.add(x + "," + y)).as("cell %d,%d of %s", x, y, panel.get("title")).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void panelCountsAndKinds() {
        assertThat(GeneratedOutput.panels(dashboards.get(KrDashboard.API_METRICS.fileName()))).hasSize(15);
        assertThat(GeneratedOutput.panels(dashboards.get(KrDashboard.SCRAPING_STATISTICS.fileName()))).hasSize(14);
        assertThat(GeneratedOutput.panels(dashboards.get(KrDashboard.SYSTEM_HEALTH.fileName()))).hasSize(12);
        Set<String> kinds = new HashSet<>();
        dashboards.values().forEach(d -> GeneratedOutput.panels(d).forEach(p -> kinds.add(p.get("type").asText())));
        assertThat(kinds).contains("timeseries", "stat", "bargauge", "table");
    }

    @Test
    void provisioningPointsGrafanaAtTheFolderAndTheEnvironmentUrl() {
        assertThat(GeneratedOutput.read(Generator.PROVIDER_FILE))
                .contains("folder: " + Settings.FOLDER, "path: " + Settings.DASHBOARDS_PATH, "type: file");
        assertThat(GeneratedOutput.read(Generator.DATASOURCE_FILE))
                .contains("uid: " + Settings.DATASOURCE_UID, "url: \"${" + Settings.PROMETHEUS_URL_ENV + "}\"",
                        "timeInterval: \"${" + Settings.SCRAPE_INTERVAL_ENV + "}\"");
    }
}
