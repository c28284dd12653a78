package com.krleads.dashboards.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.Settings;
import com.krleads.metrics.Labels;
import com.krleads.testing.RequiredTools;
import com.krleads.testing.ToolRun.Result;
import com.krleads.testing.ToolRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pager and the dashboard link through Debian's amtool: each pager's configuration is valid
 * and takes critical alerts (and only those) besides e-mail and Slack; the link template renders a
 * time range Grafana reads.
 */
class AlertmanagerToolsTest {
    @ParameterizedTest
    @ValueSource(strings = {"pagerduty", "opsgenie", "webhook"})
    void criticalAlertsAlsoReachThePager(String pager, @TempDir Path dir) throws Exception {
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, Yaml.write("test", AlertmanagerConfig.build(Settings.fromEnvironment(Map.of(
                "ALERT_PAGER", pager, "ALERT_PAGER_WEBHOOK_URL", "http://127.0.0.1:9/pager")))));
        String amtool = amtool();
        Result check = run(amtool, "check-config", config.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("4 receivers");
        String file = "--config.file=" + config;
        assertThat(run(amtool, "config", "routes", "test", file, Labels.SEVERITY + "=critical").lastLine())
                .isEqualTo(AlertmanagerConfig.PAGER_RECEIVER + "," + AlertmanagerConfig.CRITICAL_RECEIVER);
        assertThat(run(amtool, "config", "routes", "test", file, Labels.SEVERITY + "=warning").lastLine())
                .isEqualTo(AlertmanagerConfig.WARNING_RECEIVER);
        assertThat(run(amtool, "config", "routes", "test", file, Labels.ALERTNAME + "=Watchdog", Labels.SEVERITY + "=none").lastLine())
                .isEqualTo(AlertmanagerConfig.WATCHDOG_RECEIVER);
    }

    @Test
    void withoutAPagerCriticalGoesToEmailAndSlackOnly(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, Yaml.write("test", AlertmanagerConfig.build(Settings.defaults())));
        assertThat(run(amtool(), "config", "routes", "test", "--config.file=" + config, Labels.SEVERITY + "=critical").lastLine())
                .isEqualTo(AlertmanagerConfig.CRITICAL_RECEIVER);
    }

    /** amtool's example data: firing and resolved alerts; each link gets epoch milliseconds. */
    @Test
    void theDashboardLinkCarriesTheAlertsTimeRange(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("link.tmpl");
        Files.writeString(template, "{{ define \"links\" }}{{ range .Alerts }}" + AlertmanagerConfig.DASHBOARD_LINK
                + "\n{{ end }}{{ end }}");
        Result result = run(amtool(), "template", "render", "--template.glob=" + template, "--template.text={{ template \"links\" . }}");
        assertThat(result.exit()).as(result.output()).isZero();
        List<String> links = result.output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(links).isNotEmpty().allMatch(line -> line.matches(".*&from=\\d{13}&to=(now|\\d{13})"), "a time range");
    }

    private static String amtool() {
        return RequiredTools.require("amtool", "prometheus-alertmanager").toString();
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        return ToolRun.of(command).run();
    }
}
