package com.krleads.dashboards.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorMainTest {
    @Test
    void summaryListsDashboardsRuleGroupsAndFiles(@TempDir Path out) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GeneratorMain.printSummary(Generator.generate(out, Settings.defaults()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
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
        GeneratorMain.run(new String[] {"--out", out.toString()}, Map.of(
                Settings.GRAFANA_URL_ENV, "https://grafana.leads.example.kr/",
                Settings.RUNBOOK_BASE_URL_ENV, "https://docs.leads.example.kr/ALERTING.md"), discard());
        String alerts = Files.readString(out.resolve(Generator.ALERT_RULES_FILE));
        assertThat(alerts).contains("https://grafana.leads.example.kr/d/kr-slos?var-" + com.krleads.metrics.Labels.JOB + "=",
                "runbook_url: https://docs.leads.example.kr/ALERTING.md#krerrorbudgetburn")
                .doesNotContain(Settings.DEFAULT_GRAFANA_URL);
    }

    /** What the production make target runs: without a Watchdog URL the generator fails (main exits non-zero). */
    @Test
    void productionWithoutAWatchdogTargetFails(@TempDir Path out) {
        assertThatThrownBy(() -> GeneratorMain.run(new String[] {"--out", out.toString()},
                Map.of("ALERT_ENVIRONMENT", "production"), discard())).isInstanceOf(IllegalStateException.class);
        assertThat(out.resolve(Generator.ALERTMANAGER_FILE)).doesNotExist();
    }

    private static PrintStream discard() {
        return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    }

    @Test
    void requiresOutFolder() {
        assertThat(GeneratorMain.parseOut(new String[] {"--out", "x"})).isEqualTo(Path.of("x"));
        assertThatThrownBy(() -> GeneratorMain.parseOut(new String[] {"x"})).isInstanceOf(IllegalArgumentException.class);
    }
}
