package com.krleads.dashboards.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.dashboards.ruletests.AlertScenario;
import com.krleads.dashboards.ruletests.AlertScenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every alert is tested both ways and has a runbook section. */
class AlertCoverageTest {
    /** The Watchdog fires always, by design: it has no quiet case. */
    @Test
    void everyAlertHasAFiringAndAQuietScenario() {
        List<AlertScenario> scenarios = AlertScenarios.allScenarios();
        for (AlertRule alert : AlertRules.all()) {
            String rule = alert.name() + " " + alert.labels();
            assertThat(scenarios).as("fires: %s", rule).anyMatch(s -> s.fired().contains(alert));
            if (alert != MonitoringAlerts.WATCHDOG) {
                assertThat(scenarios).as("quiet: %s", rule).anyMatch(s -> s.quietFor().contains(alert));
            }
        }
        assertThat(AlertRules.all()).hasSize(32);
        assertThat(scenarios).extracting(AlertScenario::name).doesNotHaveDuplicates();
    }

    @Test
    void theRetiredThresholdAlertsAreGone() {
        assertThat(AlertRules.all()).extracting(AlertRule::name)
                .doesNotContain("KrApiHighErrorRatio", "KrApiHighLatency", "KrScrapingJobFailureRatio", "KrQueueStuck");
    }

    @Test
    void everyAlertHasARunbookSectionInAlertingDoc() throws IOException {
        Path doc = Path.of("..", "docs", "ALERTING.md");
        assertThat(doc).exists();
        List<String> headings = Files.readAllLines(doc).stream().filter(l -> l.startsWith("### ")).map(l -> l.substring(4).strip()).toList();
        for (AlertRule alert : AlertRules.all()) {
            assertThat(headings).as("runbook section for %s", alert.name()).contains(alert.name());
        }
    }
}
