package com.krleads.dashboards.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.dashboards.KrDashboard;
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

    @Test
    void requiresOutFolder() {
        assertThat(GeneratorMain.parseOut(new String[] {"--out", "x"})).isEqualTo(Path.of("x"));
        assertThatThrownBy(() -> GeneratorMain.parseOut(new String[] {"x"})).isInstanceOf(IllegalArgumentException.class);
    }
}
