package com.krleads.dashboards.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every alert is tested both ways, carries the house annotations and has a runbook section. */
class AlertCoverageTest {
    /** The Watchdog fires always, by design: it has no quiet case. */
    @Test
    void everyAlertHasAFiringAndAQuietScenario() {
        List<AlertScenario> scenarios = AlertRuleTests.allScenarios();
        for (AlertRule alert : AlertRules.all()) {
            String rule = alert.name() + " " + alert.labels();
            assertThat(scenarios).as("fires: %s", rule).anyMatch(s -> s.fired().contains(alert));
            if (alert != MonitoringAlerts.WATCHDOG) {
                assertThat(scenarios).as("quiet: %s", rule).anyMatch(s -> s.quietFor().contains(alert));
            }
        }
        assertThat(AlertRules.all()).hasSize(20);
        assertThat(scenarios).extracting(AlertScenario::name).doesNotHaveDuplicates();
    }

    @Test
    void theRetiredThresholdAlertsAreGone() {
        assertThat(AlertRules.all()).extracting(AlertRule::name)
                .doesNotContain("KrApiHighErrorRatio", "KrApiHighLatency", "KrScrapingJobFailureRatio");
    }

    @Test
    void everyAlertHasSeverityAndTheFourAnnotations() {
        for (AlertRule alert : AlertRules.all()) {
            assertThat(alert.labels()).containsKey(AlertRule.SEVERITY);
            assertThat(alert.annotations()).containsOnlyKeys(
                    AlertRule.SUMMARY, AlertRule.DESCRIPTION, AlertRule.RUNBOOK_URL, AlertRule.DASHBOARD_URL);
            assertThat(alert.annotations().get(AlertRule.RUNBOOK_URL))
                    .isEqualTo(Settings.RUNBOOK_BASE_URL + "#" + alert.name().toLowerCase(Locale.ROOT));
            assertThat(alert.annotations().get(AlertRule.DASHBOARD_URL)).startsWith(Settings.GRAFANA_URL + "/d/kr-");
            assertThat(alert.severity()).isIn(alert == MonitoringAlerts.WATCHDOG ? List.of(AlertRule.Severity.NONE)
                    : List.of(AlertRule.Severity.CRITICAL, AlertRule.Severity.WARNING));
        }
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
