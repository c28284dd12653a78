package com.krleads.dashboards.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import java.nio.file.Files;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorMainTest {
    @Test
    void summaryListsDashboardsRuleGroupsAndFiles(@TempDir Path out) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GeneratorMain.printSummary(Generator.generate(out), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String summary = bytes.toString(StandardCharsets.UTF_8);
        for (KrDashboard which : KrDashboard.values()) {
            assertThat(summary).contains(which.title(), which.uid(), Generator.DASHBOARDS_DIR + "/" + which.fileName());
        }
        assertThat(summary).containsPattern("KR Lead Scraper / API Metrics +kr-api-metrics +15");
        assertThat(summary).contains("kr-lead-scraper.recording", "kr-lead-scraper.api", Generator.ALERTMANAGER_FILE);
        assertThat(out.resolve(Generator.ALERT_RULES_FILE)).exists();
    }

    /** dashboard_url and runbook_url bases come from the environment of the generating process. */
    @Test
    void linkBasesComeFromTheEnvironment(@TempDir Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GeneratorMain.class.getName(), "--out", out.toString()).redirectErrorStream(true);
        builder.environment().put(Settings.GRAFANA_URL_ENV, "https://grafana.leads.example.kr/");
        builder.environment().put(Settings.RUNBOOK_BASE_URL_ENV, "https://docs.leads.example.kr/ALERTING.md");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        String alerts = Files.readString(out.resolve(Generator.ALERT_RULES_FILE));
        assertThat(alerts).contains("https://grafana.leads.example.kr/d/kr-slos?var-" + com.krleads.metrics.Labels.JOB + "=",
                "runbook_url: https://docs.leads.example.kr/ALERTING.md#krerrorbudgetburn")
                .doesNotContain(Settings.DEFAULT_GRAFANA_URL);
    }

    /** What the production make target runs: without a Watchdog URL nothing is generated. */
    @Test
    void productionWithoutAWatchdogTargetFails(@TempDir Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GeneratorMain.class.getName(), "--out", out.toString()).redirectErrorStream(true);
        builder.environment().put("ALERT_ENVIRONMENT", "production");
        builder.environment().remove("ALERT_WATCHDOG_URL");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isNotZero();
        assertThat(out.resolve(Generator.ALERTMANAGER_FILE)).doesNotExist();
    }

    @Test
    void requiresOutFolder() {
        assertThat(GeneratorMain.parseOut(new String[] {"--out", "x"})).isEqualTo(Path.of("x"));
        assertThatThrownBy(() -> GeneratorMain.parseOut(new String[] {"x"})).isInstanceOf(IllegalArgumentException.class);
    }
}
