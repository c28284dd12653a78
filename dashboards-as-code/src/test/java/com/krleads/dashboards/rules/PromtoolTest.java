package com.krleads.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.GeneratedOutput;
import com.krleads.dashboards.output.Generator;
import com.krleads.testing.RequiredTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("SUCCESS: 117 rules found", "SUCCESS: 32 rules found");
    }

    @Test
    void alertUnitTestsPass() throws Exception {
        String promtool = tool("promtool", "prometheus");
        Result result = run(promtool, "test", "rules", file(Generator.RULE_TESTS_FILE), file(Generator.SLO_DAYS_TESTS_FILE));
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("SUCCESS");
    }

    /** The unit tests are not vacuous: a wrong expectation makes promtool fail. */
    @Test
    void aWrongExpectationFailsTheUnitTests() throws Exception {
        String promtool = tool("promtool", "prometheus");
        Path tests = Path.of(file(Generator.RULE_TESTS_FILE));
        Path broken = tests.resolveSibling("broken-test.yml");
        Files.writeString(broken, Files.readString(tests).replace("severity: critical", "severity: page"));
        try {
            Result result = run(promtool, "test", "rules", broken.toString());
            assertThat(result.exit).isNotZero();
            assertThat(result.output).contains("FAILED");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void alertmanagerConfigPassesAmtool() throws Exception {
        String amtool = tool("amtool", "prometheus-alertmanager");
        Result result = run(amtool, "check-config", file(Generator.ALERTMANAGER_FILE));
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("SUCCESS", "3 receivers");
    }

    @Test
    void criticalGoesToEmailAndSlackAndWarningToSlack() throws Exception {
        String amtool = tool("amtool", "prometheus-alertmanager");
        String config = "--config.file=" + file(Generator.ALERTMANAGER_FILE);
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.SEVERITY + "=critical").output.strip())
                .endsWith("critical-email-and-slack");
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.SEVERITY + "=warning").output.strip())
                .endsWith("warning-slack");
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.ALERTNAME + "=Watchdog", com.krleads.metrics.Labels.SEVERITY + "=none").output.strip())
                .endsWith("watchdog-heartbeat");
        assertThat(run(amtool, "config", "routes", "test", config, com.krleads.metrics.Labels.ALERTNAME + "=KrErrorBudgetBurn", com.krleads.metrics.Labels.SLO + "=api-latency",
                com.krleads.metrics.Labels.SEVERITY + "=critical").output.strip()).endsWith("critical-email-and-slack");
    }

    private static String tool(String name, String debianPackage) {
        return RequiredTools.require(name, debianPackage).toString();
    }

    private static String file(String relative) {
        return GeneratedOutput.dir().resolve(relative).toString();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
