package com.krleads.dashboards.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.GeneratedOutput;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.alerts.AlertRules;
import com.krleads.dashboards.alerts.MonitoringAlerts;
import com.krleads.dashboards.output.Generator;
import com.krleads.dashboards.output.Yaml;
import com.krleads.dashboards.query.PromqlScanner.Selector;
import com.krleads.dashboards.query.PromqlScanner;
import com.krleads.metrics.Labels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every selector of a scraped series in every generated recording and alert rule carries the
 * fixed {@code job="kr-lead-scraper"}, so rules are right on a Prometheus shared with other jobs.
 * Recorded series ({@code level:metric:operations}) are written by our own rules from such
 * selectors. The alerts about alerting select Alertmanager's or Prometheus's own job instead, and
 * the probe alert the blackbox exporter's probe job.
 */
class RuleSelectorsTest {
    @Test
    void everyScrapedSeriesInEveryRuleIsOurJobs() throws Exception {
        List<String> missing = new ArrayList<>();
        int selectors = 0;
        for (String file : List.of(Generator.RECORDING_RULES_FILE, Generator.ALERT_RULES_FILE)) {
            for (var group : Yaml.mapper().readTree(GeneratedOutput.read(file)).get("groups")) {
                for (var rule : group.get("rules")) {
                    String expr = rule.get("expr").asText();
                    for (Selector s : PromqlScanner.of(expr).selectors()) {
                        if (s.name() != null && !s.name().contains(":")) {
                            selectors++;
                            boolean ours = s.hasMatcher(Labels.JOB, "=", Settings.SCRAPE_JOB);
                            String name = group.get("name").asText();
                            boolean pipeline = name.equals(MonitoringAlerts.GROUP)
                                    && (s.hasMatcher(Labels.JOB, "=", Settings.ALERTMANAGER_JOB)
                                    || s.hasMatcher(Labels.JOB, "=", Settings.PROMETHEUS_JOB));
                            boolean probe = name.equals(AlertRules.API_GROUP) && s.hasMatcher(Labels.JOB, "=", Settings.PROBE_JOB);
                            if (!ours && !pipeline && !probe) {
                                missing.add(s.name() + " in " + expr);
                            }
                        }
                    }
                }
            }
        }
        assertThat(selectors).isPositive();
        assertThat(missing).isEmpty();
    }
}
