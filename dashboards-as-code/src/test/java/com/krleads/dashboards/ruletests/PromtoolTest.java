package com.krleads.dashboards.ruletests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.krleads.dashboards.GeneratedOutput;
import com.krleads.dashboards.output.Generator;
import com.krleads.dashboards.output.Yaml;
import com.krleads.testing.RequiredTools;
import com.krleads.testing.ToolRun.Result;
import com.krleads.testing.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated rules and Alertmanager config through Prometheus's own tools, where installed
 * (Debian packages prometheus and prometheus-alertmanager); missing, they fail under CI and skip elsewhere.
 */
class PromtoolTest {
    @Test
    void rulesPassPromtoolCheck() throws Exception {
        String promtool = tool("promtool", "prometheus");
        Result result = run(promtool, "check", "rules",
                file(Generator.RECORDING_RULES_FILE), file(Generator.ALERT_RULES_FILE));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 117 rules found", "SUCCESS: 32 rules found");
    }

    /** The two files at once, one promtool each: the machine's two cores, half the wall time. */
    @Test
    void alertUnitTestsPass() throws Exception {
        String promtool = tool("promtool", "prometheus");
        ToolRun.Running alerts = command(promtool, "test", "rules", file(Generator.RULE_TESTS_FILE)).start();
        ToolRun.Running days = command(promtool, "test", "rules", file(Generator.SLO_DAYS_TESTS_FILE)).start();
        for (Result result : List.of(alerts.finish(), days.finish())) {
            assertThat(result.exit()).as(result.output()).isZero();
            assertThat(result.output()).contains("SUCCESS");
        }
    }

    /**
     * The unit tests are not vacuous: a wrong expectation makes promtool fail. One test group that
     * expects a critical alert, its severity changed, is enough to show it (and costs a second,
     * where the whole file costs a minute and a half).
     */
    @Test
    void aWrongExpectationFailsTheUnitTests() throws Exception {
        String promtool = tool("promtool", "prometheus");
        Path tests = Path.of(file(Generator.RULE_TESTS_FILE));
        ObjectNode file = (ObjectNode) Yaml.mapper().readTree(tests.toFile());
        JsonNode critical = null;
        for (JsonNode test : file.path("tests")) {
            if (critical == null && test.toString().contains("\"severity\":\"critical\"")) {
                critical = test;
            }
        }
        assertThat(critical).as("a test group expecting a critical alert").isNotNull();
        file.putArray("tests").add(critical);
        String oneGroup = Yaml.mapper().writeValueAsString(file);
        String wrong = oneGroup.replace("severity: critical", "severity: page").replace("severity: \"critical\"", "severity: \"page\"");
        assertThat(wrong).isNotEqualTo(oneGroup);
        Path asGenerated = tests.resolveSibling("one-group-test.yml");
        Path broken = tests.resolveSibling("broken-test.yml");
        Files.writeString(asGenerated, oneGroup);
        Files.writeString(broken, wrong);
        try {
            Result passing = run(promtool, "test", "rules", asGenerated.toString());
            assertThat(passing.exit()).as(passing.output()).isZero();
            Result result = run(promtool, "test", "rules", broken.toString());
            assertThat(result.exit()).as(result.output()).isNotZero();
            assertThat(result.output()).contains("FAILED");
        } finally {
            Files.delete(asGenerated);
            Files.delete(broken);
        }
    }

    @Test
    void alertmanagerConfigPassesAmtool() throws Exception {
        String amtool = tool("amtool", "prometheus-alertmanager");
        Result result = run(amtool, "check-config", file(Generator.ALERTMANAGER_FILE));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS", "3 receivers");
    }

    @Test
    void criticalGoesToEmailAndSlackAndWarningToSlack() throws Exception {
        String amtool = tool("amtool", "prometheus-alertmanager");
        String config = "--config.file=" + file(Generator.ALERTMANAGER_FILE);
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.SEVERITY + "=critical").output().strip())
                .endsWith("critical-email-and-slack");
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.SEVERITY + "=warning").output().strip())
                .endsWith("warning-slack");
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.ALERTNAME + "=Watchdog", com.krleads.metrics.Labels.SEVERITY + "=none").output().strip())
                .endsWith("watchdog-heartbeat");
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.ALERTNAME + "=KrErrorBudgetBurn", com.krleads.metrics.Labels.SLO + "=api-latency",
                com.krleads.metrics.Labels.SEVERITY + "=critical").output().strip()).endsWith("critical-email-and-slack");
    }

    private static String tool(String name, String debianPackage) {
        return RequiredTools.require(name, debianPackage).toString();
    }

    private static String file(String relative) {
        return GeneratedOutput.dir().resolve(relative).toString();
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        return command(command).run();
    }

    /** The whole file of alert unit tests takes promtool about a minute and a half. */
    private static ToolRun command(String... command) {
        return ToolRun.of(command).within(Duration.ofSeconds(300));
    }
}
