package com.krleads.dashboards.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.krleads.dashboards.GeneratedOutput;
import com.krleads.dashboards.GrafanaUnits;
import com.krleads.dashboards.lint.DashboardLint.Finding;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricType;
import com.krleads.testing.RequiredTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** grafana/dashboard-linter's rules on every generated dashboard: zero findings, no exclusion list. */
class DashboardLintTest {
    private static final Path WORK = Path.of("target", "test-output", "lint");
    private final DashboardLint lint = new DashboardLint(GrafanaUnits.known(), counters());

    @Test
    void everyGeneratedDashboardPassesEveryRule() throws Exception {
        Map<String, JsonNode> dashboards = GeneratedOutput.dashboards();
        List<Finding> findings = new ArrayList<>();
        dashboards.values().forEach(d -> findings.addAll(lint.lint(d)));
        List<PanelExpressions.Expression> exprs = PanelExpressions.of(dashboards);
        findings.addAll(PanelExpressions.check(RequiredTools.require("promtool", "prometheus").toString(), exprs, WORK));

        Map<String, Integer> perRule = new TreeMap<>();
        DashboardLint.RULES.forEach(rule -> perRule.put(rule, 0));
        findings.forEach(f -> perRule.merge(f.rule(), 1, Integer::sum));
        System.out.printf("lint: %d dashboards, %d targets; findings per rule: %s%n", dashboards.size(), exprs.size(), perRule);
        assertThat(exprs).hasSizeGreaterThan(40);
        assertThat(findings).isEmpty();
    }

    @Test
    void eachTemplateRuleCatchesItsFault() {
        JsonNode good = firstDashboard();
        assertThat(lint.lint(good)).isEmpty();

        ObjectNode wrongLabel = good.deepCopy();
        variable(wrongLabel, "datasource").put("label", "Datasource");
        assertThat(rules(lint.lint(wrongLabel))).containsExactly(DashboardLint.TEMPLATE_DATASOURCE);

        ObjectNode pinnedJob = good.deepCopy();
        ((ObjectNode) variable(pinnedJob, Labels.JOB).get("datasource")).put("uid", "prometheus");
        assertThat(rules(lint.lint(pinnedJob))).containsExactly(DashboardLint.TEMPLATE_JOB);

        ObjectNode anyInstance = good.deepCopy();
        variable(anyInstance, Labels.INSTANCE).put("allValue", ".*");
        assertThat(rules(lint.lint(anyInstance))).containsExactly(DashboardLint.TEMPLATE_INSTANCE);
    }

    @Test
    void eachPanelRuleCatchesItsFault() {
        JsonNode good = firstDashboard();
        ObjectNode pinned = good.deepCopy();
        ((ObjectNode) firstPanel(pinned).get("datasource")).put("uid", "prometheus");
        assertThat(rules(lint.lint(pinned))).containsExactly(DashboardLint.PANEL_DATASOURCE);

        ObjectNode undescribed = good.deepCopy();
        firstPanel(undescribed).remove("description");
        assertThat(rules(lint.lint(undescribed))).containsExactly(DashboardLint.PANEL_TITLE_DESCRIPTION);

        ObjectNode unitless = good.deepCopy();
        ((ObjectNode) firstPanel(unitless).get("fieldConfig").get("defaults")).put("unit", "requests");
        assertThat(rules(lint.lint(unitless))).containsExactly(DashboardLint.PANEL_UNITS);

        ObjectNode empty = good.deepCopy();
        firstPanel(empty).putArray("targets");
        assertThat(rules(lint.lint(empty))).containsExactly(DashboardLint.PANEL_NO_TARGETS);
    }

    @Test
    void eachTargetRuleCatchesItsFault() {
        String counter = MetricCatalog.HTTP_REQUESTS.name();
        String both = "{" + Labels.JOB + "=~\"$job\"," + Labels.INSTANCE + "=~\"$instance\"}";
        assertThat(targetRules("sum(rate(" + counter + both + "[$__rate_interval]))")).isEmpty();
        assertThat(targetRules("sum(increase(" + counter + both + "[$__range]))")).isEmpty();
        assertThat(targetRules("sum(rate(" + counter + both + "[5m]))")).containsExactly(DashboardLint.TARGET_RATE_INTERVAL);
        assertThat(targetRules("sum(increase(" + counter + both + "[1h]))")).containsExactly(DashboardLint.TARGET_RATE_INTERVAL);
        assertThat(targetRules("sum(rate(" + counter + "{" + Labels.INSTANCE + "=~\"$instance\"}[$__rate_interval]))"))
                .containsExactly(DashboardLint.TARGET_JOB);
        assertThat(targetRules("sum(rate(" + counter + "{" + Labels.JOB + "=~\"$job\"}[$__rate_interval]))"))
                .containsExactly(DashboardLint.TARGET_INSTANCE);
        assertThat(targetRules("sum(" + counter + both + ")")).containsExactly(DashboardLint.TARGET_COUNTER_AGG);
        assertThat(targetRules("max_over_time(" + MetricCatalog.HTTP_REQUEST_DURATION.count() + both + "[$__rate_interval])"))
                .containsExactly(DashboardLint.TARGET_COUNTER_AGG);
        assertThat(targetRules("max(" + MetricCatalog.QUEUE_SIZE.name() + both + ")")).isEmpty();
        String recorded = com.krleads.dashboards.rules.SloRecordingRules.errorRatio("1h");
        assertThat(targetRules(recorded + "{" + Labels.JOB + "=~\"$job\"}")).isEmpty();
        assertThat(targetRules(recorded)).containsExactly(DashboardLint.TARGET_JOB);
    }

    @Test
    void promtoolReportsTheTargetThatDoesNotParse() throws Exception {
        String promtool = RequiredTools.require("promtool", "prometheus").toString();
        List<PanelExpressions.Expression> exprs = List.of(
                new PanelExpressions.Expression("good", "sum(rate(x{" + Labels.JOB + "=~\"$job\"}[$__rate_interval]))"),
                new PanelExpressions.Expression("bad", "sum(rate(x[$__range]) by"),
                new PanelExpressions.Expression("unknown variable", "sum(x[$nope])"));
        List<Finding> findings = PanelExpressions.check(promtool, exprs, WORK.resolve("broken"));
        assertThat(findings).extracting(Finding::where).containsExactly("bad", "unknown variable");
        assertThat(findings).extracting(Finding::rule).containsOnly(DashboardLint.TARGET_PROMQL);
    }

    private List<String> targetRules(String expr) {
        ObjectNode dashboard = firstDashboard().deepCopy();
        ObjectNode panel = firstPanel(dashboard);
        panel.putArray("targets").addObject().put("refId", "A").put("expr", expr);
        return rules(lint.lint(dashboard));
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).distinct().toList();
    }

    private static JsonNode firstDashboard() {
        return GeneratedOutput.dashboards().values().iterator().next();
    }

    private static ObjectNode firstPanel(JsonNode dashboard) {
        return (ObjectNode) DashboardLint.visualizationPanels(dashboard).get(0);
    }

    private static ObjectNode variable(JsonNode dashboard, String name) {
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if (v.path("name").asText().equals(name)) {
                return (ObjectNode) v;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    private static Set<String> counters() {
        Set<String> names = new TreeSet<>();
        Stream.concat(MetricCatalog.ALL.stream(), KnownSeries.ALL.stream())
                .filter(f -> f.type() == MetricType.COUNTER)
                .forEach(f -> names.addAll(f.seriesNames()));
        return names;
    }
}
