package com.krleads.dashboards.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.GeneratedOutput;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.output.Yaml;
import com.krleads.metrics.Labels;
import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import com.krleads.metrics.MetricType;
import com.krleads.testing.RequiredTools;
import com.krleads.testing.ToolRun.Result;
import com.krleads.testing.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every quantile a panel shows, evaluated by promtool on histograms that moved and then went
 * idle: the panel must get no sample at all (so Grafana shows its noValue), never NaN.
 */
class IdleQuantilesTest {
    private static final Path WORK = Path.of("target", "test-output", "idle-quantiles");
    /** Observations for ten minutes, then none: at 30 minutes every one-minute rate is 0. */
    private static final String MOVED_THEN_IDLE = "0+1x10 10x30";

    @Test
    void everyQuantilePanelIsEmptyOnIdleHistograms() throws Exception {
        String promtool = RequiredTools.require("promtool", "prometheus").toString();
        List<String> quantiles = quantileExpressions();
        assertThat(quantiles).hasSizeGreaterThanOrEqualTo(9);
        Result result = run(promtool, testFile("idle", quantiles, UnaryOperator.identity()));
        assertThat(result.exit()).as(result.output()).isZero();
    }

    /** Without the guard the same evaluation returns NaN samples and promtool reports it: the test can fail. */
    @Test
    void anUnguardedQuantileReturnsNaNAndFails() throws Exception {
        String promtool = RequiredTools.require("promtool", "prometheus").toString();
        Result result = run(promtool, testFile("unguarded", quantileExpressions(), e -> e.substring(0, e.indexOf(" and "))));
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("NaN");
    }

    private static List<String> quantileExpressions() {
        return GeneratedOutput.panelExpressions().stream().filter(e -> e.contains("histogram_quantile("))
                .map(e -> e.startsWith("topk(") ? e.substring("topk(10, ".length(), e.length() - 1) : e)
                .map(PanelExpressions::substitute).toList();
    }

    private static Path testFile(String name, List<String> exprs, UnaryOperator<String> change) throws Exception {
        List<Map<String, Object>> series = new ArrayList<>();
        for (MetricFamily family : MetricCatalog.ALL) {
            if (family.type() == MetricType.HISTOGRAM) {
                series.addAll(idle(family));
            }
        }
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String expr : exprs) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("expr", change.apply(expr));
            check.put("eval_time", "30m");
            check.put("exp_samples", List.of());
            checks.add(check);
        }
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("interval", "1m");
        test.put("input_series", series);
        test.put("promql_expr_test", checks);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("rule_files", List.of());
        root.put("evaluation_interval", "1m");
        root.put("tests", List.of(test));
        Files.createDirectories(WORK);
        Path file = WORK.resolve(name + "-test.yml");
        Files.writeString(file, Yaml.write("Quantile panels on idle histograms, for promtool.", root));
        return file;
    }

    /** One child of the family: every bucket, the count and the sum move together, then stop. */
    private static List<Map<String, Object>> idle(MetricFamily family) {
        StringBuilder labels = new StringBuilder(Labels.JOB + "=\"" + Settings.SCRAPE_JOB + "\","
                + Labels.INSTANCE + "=\"replica-1:8081\"");
        family.labelNames().forEach(l -> labels.append(',').append(l).append("=\"x\""));
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> bounds = new ArrayList<>();
        for (double bound : family.buckets()) {
            bounds.add(MetricFamily.bucketLabel(bound));
        }
        bounds.add("+Inf");
        for (String le : bounds) {
            series.add(Map.of("series", family.bucket() + "{" + labels + "," + Labels.LE + "=\"" + le + "\"}",
                    "values", MOVED_THEN_IDLE));
        }
        series.add(Map.of("series", family.count() + "{" + labels + "}", "values", MOVED_THEN_IDLE));
        series.add(Map.of("series", family.sum() + "{" + labels + "}", "values", MOVED_THEN_IDLE));
        return series;
    }

    private static Result run(String promtool, Path file) throws Exception {
        return ToolRun.of(promtool, "test", "rules", file.toString()).run();
    }
}
