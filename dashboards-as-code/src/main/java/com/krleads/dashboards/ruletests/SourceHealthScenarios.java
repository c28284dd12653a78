package com.krleads.dashboards.ruletests;

import static com.krleads.dashboards.ruletests.AlertScenarios.SERVICE;
import static com.krleads.dashboards.ruletests.AlertScenarios.TARGET;
import static com.krleads.dashboards.ruletests.AlertScenarios.with;
import static com.krleads.metrics.Labels.FIELD;
import static com.krleads.metrics.Labels.FINDING;
import static com.krleads.metrics.Labels.INSTANCE;
import static com.krleads.metrics.Labels.JOB;
import static com.krleads.metrics.Labels.SOURCE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEMS_FOUND;
import static com.krleads.metrics.MetricCatalog.SOURCE_BASELINE_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;

import com.krleads.dashboards.alerts.SourceHealthAlerts;
import com.krleads.dashboards.rulefile.AlertRule;
import com.krleads.dashboards.rulefile.Templates;
import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.metrics.LabelValues.YieldFinding;
import java.util.List;

/**
 * Scenarios of {@link SourceHealthAlerts}: each fires on its finding, names the source (and the
 * field) and links to the view filtered to it; a takeover by another replica neither repeats nor
 * clears an alert; a listing that shrinks by a fifth (the service raises no finding for it, see
 * its {@code QualityRulesTest}) and a finding cleared by the next good job stay quiet.
 */
final class SourceHealthScenarios {
    private static final String FINDINGS = SOURCE_YIELD_FINDING.name();
    private static final String COVERAGE = SOURCE_COVERAGE_FINDING.name();

    private SourceHealthScenarios() {
    }

    static List<AlertScenario> all() {
        AlertRule nothing = SourceHealthAlerts.YIELDS_NOTHING;
        AlertRule collapsed = SourceHealthAlerts.YIELD_COLLAPSED;
        AlertRule coverage = SourceHealthAlerts.FIELD_COVERAGE_COLLAPSED;
        String[] redesign = with(TARGET, SOURCE, "redesign");
        String[] replica2 = {JOB, SERVICE, INSTANCE, "app-2:8081", SOURCE, "redesign"};
        String[] shrinking = with(TARGET, SOURCE, "shrinking");
        String[] phoneless = with(TARGET, SOURCE, "phoneless");
        return List.of(
                AlertScenario.fires(nothing)
                        .series(FINDINGS, "0 0 1x10", with(redesign, FINDING, YieldFinding.ZERO_YIELD.label()))
                        .series(FINDINGS, "0x12", with(redesign, FINDING, YieldFinding.YIELD_DROP.label()))
                        .at("1m").expectNone(nothing, collapsed)
                        .at("2m").expect(nothing, nothing.summary(), rendered(nothing, "redesign", null),
                                JOB, SERVICE, SOURCE, "redesign")
                        .expectNone(collapsed),
                AlertScenario.named("KrSourceYieldsNothing fires once and goes on while another replica takes over")
                        .series(FINDINGS, "1x4 _x10", with(redesign, FINDING, YieldFinding.ZERO_YIELD.label()))
                        .series(FINDINGS, "_x4 1x10", with(replica2, FINDING, YieldFinding.ZERO_YIELD.label()))
                        .at("3m").expect(nothing, nothing.summary(), rendered(nothing, "redesign", null),
                                JOB, SERVICE, SOURCE, "redesign")
                        .at("8m").expect(nothing, nothing.summary(), rendered(nothing, "redesign", null),
                                JOB, SERVICE, SOURCE, "redesign"),
                AlertScenario.fires(collapsed)
                        .series(FINDINGS, "0 0 1x10", with(redesign, FINDING, YieldFinding.YIELD_DROP.label()))
                        .series(FINDINGS, "0x12", with(redesign, FINDING, YieldFinding.ZERO_YIELD.label()))
                        .at("2m").expect(collapsed, collapsed.summary(), rendered(collapsed, "redesign", null),
                                JOB, SERVICE, SOURCE, "redesign")
                        .expectNone(nothing),
                AlertScenario.fires(coverage)
                        .series(COVERAGE, "0 0 1x10", with(phoneless, FIELD, ItemField.PHONE.label()))
                        .series(COVERAGE, "0x12", with(phoneless, FIELD, ItemField.NAME.label()))
                        .at("1m").expectNone(coverage)
                        .at("3m").expect(coverage, coverage.summary(), rendered(coverage, "phoneless", "phone"),
                                JOB, SERVICE, SOURCE, "phoneless", FIELD, ItemField.PHONE.label()),
                // A job every 10 minutes finds 100 items, then 80: the service raises nothing.
                AlertScenario.named("Source alerts stay quiet for a listing that shrinks by a fifth")
                        .series(SCRAPING_ITEMS_FOUND.name(), "0x9 100x10 200x10 280x10 360x10", shrinking)
                        .series(SOURCE_LAST_JOB_ITEMS.name(), "100x20 80x30", shrinking)
                        .series(SOURCE_BASELINE_ITEMS.name(), "100x50", shrinking)
                        .series(FINDINGS, "0x50", with(shrinking, FINDING, YieldFinding.ZERO_YIELD.label()))
                        .series(FINDINGS, "0x50", with(shrinking, FINDING, YieldFinding.YIELD_DROP.label()))
                        .series(COVERAGE, "0x50", with(shrinking, FIELD, ItemField.PHONE.label()))
                        .at("25m").expectNone(nothing, collapsed, coverage)
                        .at("45m").expectNone(nothing, collapsed, coverage),
                AlertScenario.named("KrSourceFieldCoverageCollapsed ends when the next job is fine again")
                        .series(COVERAGE, "1x3 0x10", with(phoneless, FIELD, ItemField.PHONE.label()))
                        .at("8m").expectNone(coverage));
    }

    private static String rendered(AlertRule alert, String source, String field) {
        String text = alert.description().replace(Templates.label(SOURCE), source);
        return field == null ? text : text.replace(Templates.label(FIELD), field);
    }
}
