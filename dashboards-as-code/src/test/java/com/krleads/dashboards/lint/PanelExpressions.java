package com.krleads.dashboards.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.lint.DashboardLint.Finding;
import com.krleads.dashboards.output.Yaml;
import com.krleads.metrics.Labels;
import com.krleads.testing.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target-promql rule: every panel expression, with Grafana's variables replaced by plausible
 * values, written as a recording rule (one group per target) and checked by {@code promtool
 * check rules}, Prometheus's own parser.
 */
final class PanelExpressions {
    /** What Grafana would put in: a one-minute rate window, an hour's range, regexes for the variables. */
    static final Map<String, String> VALUES = Map.of(
            "__rate_interval", "1m",
            "__interval", "1m",
            "__range", "1h",
            Labels.JOB, Settings.SCRAPE_JOB + "|other-job",
            Labels.INSTANCE, ".+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    private static final Pattern FAILED_GROUP = Pattern.compile("group \"(target-\\d+)\"");

    /** One target's expression and where it is. */
    record Expression(String where, String expr) {
    }

    private PanelExpressions() {
    }

    static List<Expression> of(Map<String, JsonNode> dashboards) {
        List<Expression> all = new ArrayList<>();
        for (JsonNode dashboard : dashboards.values()) {
            for (JsonNode panel : DashboardLint.visualizationPanels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText();
                    if (!expr.isBlank()) {
                        all.add(new Expression(dashboard.path("title").asText() + " / " + panel.path("title").asText()
                                + " / " + target.path("refId").asText(), expr));
                    }
                }
            }
            for (JsonNode annotation : dashboard.path("annotations").path("list")) {
                if (annotation.has("expr")) {
                    all.add(new Expression(dashboard.path("title").asText() + " / annotation "
                            + annotation.path("name").asText(), annotation.path("expr").asText()));
                }
            }
        }
        return all;
    }

    /** Grafana's variables replaced by {@link #VALUES}; an unknown variable is left as it is (and fails to parse). */
    static String substitute(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(VALUES.getOrDefault(name, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The target-promql findings: the expressions promtool cannot parse. */
    static List<Finding> check(String promtool, List<Expression> expressions, Path dir) throws IOException, InterruptedException {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "lint:target" + i);
            rule.put("expr", substitute(expressions.get(i).expr()));
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", "target-" + i);
            group.put("rules", List.of(rule));
            groups.add(group);
        }
        Path file = dir.resolve("panel-expressions.yml");
        Files.createDirectories(dir);
        Files.writeString(file, Yaml.write("Panel expressions, variables substituted, for promtool.", Map.of("groups", groups)));
        ToolRun.Result checked = ToolRun.of(promtool, "check", "rules", file.toString()).run();
        String output = checked.output();
        List<Finding> findings = new ArrayList<>();
        if (checked.exit() == 0) {
            if (!output.contains("SUCCESS: " + expressions.size() + " rules found")) {
                throw new IllegalStateException("promtool checked an unexpected number of rules: " + output);
            }
            return findings;
        }
        Matcher failed = FAILED_GROUP.matcher(output);
        List<String> seen = new ArrayList<>();
        while (failed.find()) {
            if (!seen.contains(failed.group(1))) {
                seen.add(failed.group(1));
                Expression e = expressions.get(Integer.parseInt(failed.group(1).substring("target-".length())));
                findings.add(new Finding(DashboardLint.TARGET_PROMQL, e.where(), "does not parse: " + e.expr()));
            }
        }
        if (findings.isEmpty()) {
            throw new IllegalStateException("promtool failed without naming a rule: " + output);
        }
        return findings;
    }
}
