package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.alerts.AlertRules;
import com.krleads.dashboards.output.Generator;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.metrics.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the issue asks of every dashboard, checked on the generated files. */
class DashboardContentTest {
    private final Map<String, JsonNode> dashboards = GeneratedOutput.dashboards();

    /** Read from the written files, not from {@link KrDashboard}: bookmarks and alert links depend on these uids. */
    @Test
    void stableUids() {
        assertThat(dashboards.values()).extracting(d -> d.get("uid").asText())
                .containsExactlyInAnyOrder("kr-api-metrics", "kr-scraping-statistics", "kr-system-health", "kr-slos");
    }

    /** Every dashboard link and every alert's dashboard_url opens a dashboard the generator writes. */
    @Test
    void everyLinkOpensAGeneratedDashboard() {
        Set<String> uids = new HashSet<>();
        dashboards.values().forEach(d -> uids.add(d.get("uid").asText()));
        int links = 0;
        for (JsonNode dashboard : dashboards.values()) {
            for (JsonNode link : dashboard.get("links")) {
                links++;
                String url = link.get("url").asText();
                assertThat(url).startsWith("/d/");
                assertThat(uids).as(url).contains(url.substring("/d/".length()));
                assertThat(url.substring("/d/".length())).as("links to itself").isNotEqualTo(dashboard.get("uid").asText());
            }
        }
        Matcher alertLinks = Pattern.compile(AlertRule.DASHBOARD_URL + ": \"?([^\"?\\s]+)\\?var-" + Labels.JOB + "=")
                .matcher(GeneratedOutput.read(Generator.ALERT_RULES_FILE));
        int alerts = 0;
        while (alertLinks.find()) {
            alerts++;
            String url = alertLinks.group(1).replaceFirst("^\"", "");
            assertThat(url).startsWith(GeneratedOutput.SETTINGS.grafanaUrl() + "/d/");
            String uid = url.substring((GeneratedOutput.SETTINGS.grafanaUrl() + "/d/").length()).replaceFirst("\\?.*", "");
            assertThat(uids).as(url).contains(uid);
        }
        assertThat(links).isEqualTo(dashboards.size() * (dashboards.size() - 1));
        assertThat(alerts).isEqualTo(AlertRules.all().size());
    }

    /** A panel or variable query that names {@code $x} needs a variable x on its dashboard (Grafana's own start with __). */
    @Test
    void everyVariableAQueryUsesIsDeclared() {
        Pattern reference = Pattern.compile("\\$\\{?(\\w+)");
        for (JsonNode dashboard : dashboards.values()) {
            Set<String> declared = new HashSet<>();
            dashboard.get("templating").get("list").forEach(v -> declared.add(v.get("name").asText()));
            Set<String> used = new HashSet<>();
            Matcher m = reference.matcher(dashboard.get("panels").toString() + dashboard.get("templating").toString()
                    + dashboard.get("annotations").toString());
            while (m.find()) {
                if (!m.group(1).startsWith("__")) {
                    used.add(m.group(1));
                }
            }
            assertThat(used).as(dashboard.get("title").asText()).contains(Labels.JOB, Labels.INSTANCE);
            assertThat(declared).as(dashboard.get("title").asText()).containsAll(used);
        }
    }

    /**
     * Every target follows the job (the probe's its probe job); every one follows the instance too,
     * except on the SLOs, where none does, and the probe's, whose instance is the probed address.
     */
    @Test
    void everyPanelIsDescribedUsesTheDatasourceVariableAndFollowsJobAndInstance() {
        int perReplica = 0;
        int jobLevel = 0;
        int probe = 0;
        for (JsonNode dashboard : dashboards.values()) {
            boolean slos = dashboard.get("uid").asText().equals(KrDashboard.SLOS.uid());
            for (JsonNode panel : GeneratedOutput.panels(dashboard)) {
                String title = panel.get("title").asText();
                assertThat(panel.path("description").asText()).as(title).isNotBlank();
                assertThat(panel.get("datasource").get("uid").asText()).as(title).isEqualTo("${" + Settings.DATASOURCE_VARIABLE + "}");
                for (JsonNode target : panel.get("targets")) {
                    String expr = target.get("expr").asText();
                    if (expr.contains(Labels.JOB + "=~\"${job}" + Settings.PROBE_JOB_SUFFIX + "\"")) {
                        assertThat(expr).as(title).doesNotContain(Labels.INSTANCE + "=", Labels.JOB + "=~\"$job\"");
                        probe++;
                        continue;
                    }
                    assertThat(expr).as(title).contains(Labels.JOB + "=~\"$job\"");
                    if (slos) {
                        assertThat(expr).as(title).doesNotContain(Labels.INSTANCE + "=");
                        jobLevel++;
                    } else {
                        assertThat(expr).as(title).contains(Labels.INSTANCE + "=~\"$instance\"");
                        perReplica++;
                    }
                }
            }
        }
        assertThat(perReplica).isEqualTo(52 + 11 + 11);
        assertThat(jobLevel).isEqualTo(3 * (1 + 1 + 1 + 3 + 6));
        assertThat(probe).isEqualTo(3);
    }

    /** The SLO panels read recorded series and ALERTS only, never a raw counter: what the alerts evaluate. */
    @Test
    void sloPanelsReadWhatTheAlertsRead() {
        for (JsonNode panel : GeneratedOutput.panels(dashboards.get(KrDashboard.SLOS.fileName()))) {
            for (JsonNode target : panel.get("targets")) {
                com.krleads.dashboards.query.PromqlNames names = com.krleads.dashboards.query.PromqlNames.of(target.get("expr").asText());
                assertThat(names.metrics()).as(panel.get("title").asText()).isNotEmpty()
                        .allMatch(m -> m.contains(":") || m.equals(com.krleads.metrics.KnownSeries.ALERTS.name()));
            }
        }
    }

    /** Restarts and deploys show on every graph of every dashboard, on the selected job and instances. */
    @Test
    void everyDashboardMarksRestartsAndVersionChanges() {
        for (JsonNode dashboard : dashboards.values()) {
            Map<String, String> byName = new java.util.TreeMap<>();
            dashboard.get("annotations").get("list").forEach(a -> {
                if (a.has("expr")) {
                    byName.put(a.get("name").asText(), a.get("expr").asText());
                    assertThat(a.get("datasource").get("uid").asText()).isEqualTo("${" + Settings.DATASOURCE_VARIABLE + "}");
                    assertThat(a.get("enable").asBoolean()).isTrue();
                }
            });
            assertThat(byName).as(dashboard.get("title").asText())
                    .containsOnlyKeys(DashboardDefaults.RESTARTS_ANNOTATION, DashboardDefaults.VERSIONS_ANNOTATION);
            assertThat(byName.get(DashboardDefaults.RESTARTS_ANNOTATION))
                    .contains("changes(" + com.krleads.metrics.KnownSeries.PROCESS_START_TIME_SECONDS.name() + "{");
            assertThat(byName.get(DashboardDefaults.VERSIONS_ANNOTATION))
                    .startsWith(com.krleads.metrics.MetricCatalog.BUILD_INFO.name() + "{").contains(" unless (", " offset ");
            byName.values().forEach(e -> assertThat(e).contains(Labels.JOB + "=~\"$job\"", Labels.INSTANCE + "=~\"$instance\""));
        }
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
                if (exprs.contains("[$__range]")) {
                    assertThat(saysRange || ownRange).as(title).isTrue();
                }
                assertThat(exprs.contains("[$__range]")).as(title).isEqualTo(saysRange || exprs.contains("[$__range]") && ownRange);
                inRange += saysRange ? 1 : 0;
                if (exprs.contains("increase(") && exprs.contains("[$__rate_interval]")) {
                    assertThat(panel.path("interval").asText()).as(title).isEqualTo(DashboardDefaults.COUNT_INTERVAL);
                }
            }
        }
        assertThat(inRange).isEqualTo(3 + 3 + 1 + 1);
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
        assertThat(GeneratedOutput.panels(dashboards.get(KrDashboard.SCRAPING_STATISTICS.fileName()))).hasSize(15);
        assertThat(GeneratedOutput.panels(dashboards.get(KrDashboard.SYSTEM_HEALTH.fileName()))).hasSize(12 + 8 + 3);
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
