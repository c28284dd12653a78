package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.deployment.DashboardQueries.PanelQuery;
import com.krleads.metrics.MetricCatalog;
import com.krleads.testing.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged service jar on its embedded default database, a real Prometheus (Debian's
 * package) scraping its admin /metrics every second with the generated rules, real traffic,
 * then every PromQL expression of every generated dashboard panel run through Prometheus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {
    /** The five queries operators already run, declared once beside the dashboards' golden test. */
    static final String STANDARD_QUERIES = "dashboards-as-code/src/test/resources/standard-queries.txt";

    /**
     * Panel queries that may rightly return nothing on a healthy run, with the reason. Keyed by
     * the raw expression's distinctive part so that a renamed panel does not hide a regression.
     */
    static final Map<String, String> MAY_BE_EMPTY = Map.of(
            "status=~\"5..\"", "only 5xx responses: a healthy run has none",
            MetricCatalog.HTTP_ERRORS.name(), "only exceptions that ended in a 5xx: a healthy run has none",
            "status=~\"completed|failed\"", "scraping-success SLO: a short run may end no job inside the window");

    /**
     * Instant targets run at the end, seconds after the last request: every route is idle in the
     * last rate window, and a quantile of an idle window is dropped (the panel shows its noValue),
     * never NaN. Range targets of the same panels must still have data.
     */
    static final String QUANTILE = "histogram_quantile";
    static final String IDLE_AT_THE_END = "a quantile run at the end, when no request came in the last window";

    private E2eStack stack;
    private Instant started;

    @BeforeAll
    void startStackAndDriveTraffic() throws Exception {
        RequiredTools.require("prometheus", "prometheus");
        started = Instant.now();
        stack = E2eStack.start();
        stack.driveTraffic();
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Graph and stat queries run as Grafana runs them, over the whole run (a point per scrape):
     * data at any point counts, as a person looking at the panel would see it. Instant targets
     * run at the end. Those that may rightly be empty must have a noValue text on their panel.
     */
    @Test
    void everyDashboardPanelQueryReturnsData() throws Exception {
        List<PanelQuery> queries = DashboardQueries.read(ProjectFiles.path("dashboards-as-code/target/grafana/dashboards"));
        assertThat(queries).hasSizeGreaterThan(40);
        Map<String, String> failures = new TreeMap<>();
        List<String> allowedEmpty = new ArrayList<>();
        int withData = 0;
        for (PanelQuery query : queries) {
            JsonNode answer = query.instant() ? stack.prometheus().query(query.expr())
                    : stack.prometheus().queryRange(query.expr(), started, Instant.now(), E2eStack.SCRAPE_INTERVAL_SECONDS);
            if (!"success".equals(answer.path("status").asText())) {
                failures.put(query.id(), "does not run: " + answer.path("error").asText() + " :: " + query.expr());
            } else if (answer.at("/data/result").isEmpty()) {
                String reason = query.instant() && query.rawExpr().contains(QUANTILE) ? IDLE_AT_THE_END
                        : reasonItMayBeEmpty(query.rawExpr());
                if (reason == null) {
                    failures.put(query.id(), "returned no data :: " + query.expr());
                } else if (query.noValue().isBlank()) {
                    failures.put(query.id(), "may be empty but its panel has no noValue text :: " + query.expr());
                } else {
                    allowedEmpty.add(query.id() + " (" + reason + ")");
                }
            } else {
                withData++;
            }
        }
        System.out.printf("e2e: %d of %d panel queries returned data; allowed empty: %s%n",
                withData, queries.size(), allowedEmpty);
        assertThat(failures).as("panel queries that failed or returned no data").isEmpty();
    }

    @Test
    void standardQueriesRunUnchanged() throws Exception {
        List<String> queries = Files.readAllLines(ProjectFiles.path(STANDARD_QUERIES)).stream()
                .filter(line -> !line.isBlank()).toList();
        assertThat(queries).hasSize(5);
        for (String query : queries) {
            JsonNode answer = stack.prometheus().query(query);
            assertThat(answer.path("status").asText()).as(query).isEqualTo("success");
            if (!query.contains("5..")) {
                assertThat(answer.at("/data/result")).as("data for %s", query).isNotEmpty();
            }
        }
    }

    @Test
    void everyRuleGroupIsLoadedAndHealthy() throws Exception {
        Path rulesDir = ProjectFiles.path("dashboards-as-code/target/grafana/prometheus/rules");
        long ruleFiles;
        try (var files = Files.list(rulesDir)) {
            ruleFiles = files.filter(f -> f.toString().endsWith(".yml")).count();
        }
        JsonNode groups = stack.prometheus().rules().at("/data/groups");
        assertThat(groups.size()).isGreaterThanOrEqualTo((int) ruleFiles);
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                assertThat(rule.path("health").asText())
                        .as("rule %s in group %s: %s", rule.path("name").asText(), group.path("name").asText(),
                                rule.path("lastError").asText())
                        .isEqualTo("ok");
            }
        }
    }

    private static String reasonItMayBeEmpty(String rawExpr) {
        return MAY_BE_EMPTY.entrySet().stream().filter(e -> rawExpr.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
