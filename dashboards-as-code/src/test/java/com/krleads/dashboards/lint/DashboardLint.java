package com.krleads.dashboards.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.query.PromqlScanner.Selector;
import com.krleads.dashboards.query.PromqlScanner;
import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * grafana/dashboard-linter's rules, as we read their documented behaviour, applied to one parsed
 * dashboard. Stricter than the linter in three places, on purpose: panel rules apply to every
 * panel type (the linter skips bar gauges), target-rate-interval also holds {@code increase} to
 * {@code $__rate_interval} (or {@code $__range} for "in the selected range" tiles), and
 * target-counter-agg counts as counters every counter family plus any {@code _total},
 * {@code _count}, {@code _sum} or {@code _bucket} series. target-promql (does it parse) needs
 * promtool and lives in {@link PanelExpressions}. target-instance does not apply to job-level
 * series ({@link #isJobLevel}) nor to the probe's ({@link #isProbe}), whose job is the probe job
 * of the selected one. Annotation queries are held to the target rules too.
 */
final class DashboardLint {
    static final String TEMPLATE_DATASOURCE = "template-datasource";
    static final String TEMPLATE_JOB = "template-job";
    static final String TEMPLATE_INSTANCE = "template-instance";
    static final String PANEL_DATASOURCE = "panel-datasource";
    static final String PANEL_TITLE_DESCRIPTION = "panel-title-description";
    static final String PANEL_UNITS = "panel-units";
    static final String PANEL_NO_TARGETS = "panel-no-targets";
    static final String TARGET_PROMQL = "target-promql";
    static final String TARGET_RATE_INTERVAL = "target-rate-interval";
    static final String TARGET_JOB = "target-job";
    static final String TARGET_INSTANCE = "target-instance";
    static final String TARGET_COUNTER_AGG = "target-counter-agg";

    static final List<String> RULES = List.of(TEMPLATE_DATASOURCE, TEMPLATE_JOB, TEMPLATE_INSTANCE, PANEL_DATASOURCE,
            PANEL_TITLE_DESCRIPTION, PANEL_UNITS, PANEL_NO_TARGETS, TARGET_PROMQL, TARGET_RATE_INTERVAL, TARGET_JOB,
            TARGET_INSTANCE, TARGET_COUNTER_AGG);

    private static final String DATASOURCE_VARIABLE = "datasource";
    private static final Set<String> DATASOURCE_REFERENCES = Set.of("$datasource", "${datasource}");
    private static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate");
    private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase");
    private static final String RATE_INTERVAL = "$__rate_interval";
    private static final String RANGE = "$__range";
    private static final List<String> COUNTER_SUFFIXES = List.of("_total", "_count", "_sum", "_bucket");

    /** One finding: the rule, where, and what is wrong. */
    record Finding(String rule, String where, String message) {
        @Override
        public String toString() {
            return "[" + rule + "] " + where + ": " + message;
        }
    }

    private final Set<String> units;
    private final Set<String> counters;

    /** {@code units}: the unit ids Grafana knows; {@code counters}: series names of counter families. */
    DashboardLint(Set<String> units, Set<String> counters) {
        this.units = Set.copyOf(units);
        this.counters = Set.copyOf(counters);
    }

    List<Finding> lint(JsonNode dashboard) {
        List<Finding> findings = new ArrayList<>();
        String title = dashboard.path("title").asText();
        templateDatasource(title, dashboard, findings);
        templateQuery(title, dashboard, Labels.JOB, TEMPLATE_JOB, findings);
        templateQuery(title, dashboard, Labels.INSTANCE, TEMPLATE_INSTANCE, findings);
        for (JsonNode panel : visualizationPanels(dashboard)) {
            panel(title + " / " + panel.path("title").asText(), panel, findings);
        }
        for (JsonNode annotation : dashboard.path("annotations").path("list")) {
            if (annotation.has("expr")) {
                String where = title + " / annotation " + annotation.path("name").asText();
                if (!DATASOURCE_REFERENCES.contains(annotation.path("datasource").path("uid").asText())) {
                    findings.add(new Finding(PANEL_DATASOURCE, where, "uses datasource '"
                            + annotation.path("datasource").path("uid").asText() + "', not '${datasource}'"));
                }
                target(where, annotation.path("expr").asText(), findings);
            }
        }
        return findings;
    }

    static List<JsonNode> visualizationPanels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static void templateDatasource(String where, JsonNode dashboard, List<Finding> findings) {
        List<JsonNode> datasources = variables(dashboard, "datasource");
        if (datasources.isEmpty()) {
            findings.add(new Finding(TEMPLATE_DATASOURCE, where, "no templated datasource"));
            return;
        }
        for (JsonNode variable : datasources) {
            String name = variable.path("name").asText();
            String label = variable.path("label").asText();
            if (!name.equals(DATASOURCE_VARIABLE) && !name.equals("prometheus_datasource")) {
                findings.add(new Finding(TEMPLATE_DATASOURCE, where, "datasource variable named '" + name + "', not 'datasource'"));
            }
            if (!label.equals("Data source") && !label.equals("Prometheus data source")) {
                findings.add(new Finding(TEMPLATE_DATASOURCE, where, "datasource variable labelled '" + label + "', not 'Data source'"));
            }
            if (!variable.path("query").asText().equals("prometheus")) {
                findings.add(new Finding(TEMPLATE_DATASOURCE, where, "datasource variable is not of type prometheus"));
            }
        }
    }

    private static void templateQuery(String where, JsonNode dashboard, String name, String rule, List<Finding> findings) {
        JsonNode variable = null;
        for (JsonNode candidate : dashboard.path("templating").path("list")) {
            if (candidate.path("name").asText().equals(name)) {
                variable = candidate;
            }
        }
        if (variable == null) {
            findings.add(new Finding(rule, where, "no '" + name + "' variable"));
            return;
        }
        String uid = variable.path("datasource").path("uid").asText();
        if (!DATASOURCE_REFERENCES.contains(uid)) {
            findings.add(new Finding(rule, where, name + " variable uses datasource '" + uid + "', not '${datasource}'"));
        }
        if (!variable.path("type").asText().equals("query")) {
            findings.add(new Finding(rule, where, name + " variable is not a query variable"));
        }
        String label = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        if (!variable.path("label").asText().equals(label)) {
            findings.add(new Finding(rule, where, name + " variable labelled '" + variable.path("label").asText() + "', not '" + label + "'"));
        }
        if (!variable.path("multi").asBoolean()) {
            findings.add(new Finding(rule, where, name + " variable is not multi-value"));
        }
        if (!variable.path("allValue").asText().equals(".+")) {
            findings.add(new Finding(rule, where, name + " variable's All value is '" + variable.path("allValue").asText() + "', not '.+'"));
        }
    }

    private void panel(String where, JsonNode panel, List<Finding> findings) {
        String uid = panel.path("datasource").path("uid").asText();
        if (!DATASOURCE_REFERENCES.contains(uid)) {
            findings.add(new Finding(PANEL_DATASOURCE, where, "uses datasource '" + uid + "', not '${datasource}'"));
        }
        if (panel.path("title").asText().isBlank() || panel.path("description").asText().isBlank()) {
            findings.add(new Finding(PANEL_TITLE_DESCRIPTION, where, "missing title or description"));
        }
        units(where, panel, findings);
        List<JsonNode> targets = new ArrayList<>();
        panel.path("targets").forEach(t -> {
            if (!t.path("expr").asText().isBlank()) {
                targets.add(t);
            }
        });
        if (targets.isEmpty()) {
            findings.add(new Finding(PANEL_NO_TARGETS, where, "no query"));
        }
        for (JsonNode target : targets) {
            String targetWhere = where + " / " + target.path("refId").asText();
            JsonNode targetDs = target.path("datasource");
            if (!targetDs.isMissingNode() && !DATASOURCE_REFERENCES.contains(targetDs.path("uid").asText())) {
                findings.add(new Finding(PANEL_DATASOURCE, targetWhere, "target uses datasource '" + targetDs.path("uid").asText() + "'"));
            }
            target(targetWhere, target.path("expr").asText(), findings);
        }
    }

    private void units(String where, JsonNode panel, List<Finding> findings) {
        String unit = panel.path("fieldConfig").path("defaults").path("unit").asText("");
        if (!units.contains(unit)) {
            findings.add(new Finding(PANEL_UNITS, where, "no or unknown unit '" + unit + "'"));
        }
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
            for (JsonNode property : override.path("properties")) {
                if (property.path("id").asText().equals("unit") && !units.contains(property.path("value").asText())) {
                    findings.add(new Finding(PANEL_UNITS, where, "override with unknown unit '" + property.path("value").asText() + "'"));
                }
            }
        }
    }

    private void target(String where, String expr, List<Finding> findings) {
        List<Selector> selectors = PromqlScanner.of(expr).selectors();
        boolean rateInterval = true;
        boolean job = true;
        boolean instance = true;
        boolean counterAgg = true;
        for (Selector s : selectors) {
            if (s.range() != null && s.call() != null) {
                boolean rate = RATE_FUNCTIONS.contains(s.call()) && !s.range().equals(RATE_INTERVAL);
                boolean increase = s.call().equals("increase") && !s.range().equals(RATE_INTERVAL) && !s.range().equals(RANGE);
                rateInterval &= !rate && !increase;
            }
            job &= isProbe(s.name()) ? s.hasMatcher(Labels.JOB, "=~", "${" + Labels.JOB + "}" + Settings.PROBE_JOB_SUFFIX)
                    : s.hasMatcher(Labels.JOB, "=~", "$" + Labels.JOB);
            instance &= s.hasMatcher(Labels.INSTANCE, "=~", "$" + Labels.INSTANCE) || isJobLevel(s.name()) || isProbe(s.name());
            if (isCounter(s.name())) {
                counterAgg &= s.range() != null && s.call() != null && COUNTER_FUNCTIONS.contains(s.call());
            }
        }
        if (!rateInterval) {
            findings.add(new Finding(TARGET_RATE_INTERVAL, where, "a rate or increase without $__rate_interval: " + expr));
        }
        if (!job) {
            findings.add(new Finding(TARGET_JOB, where, "a selector not filtered by the job variable: " + expr));
        }
        if (!instance) {
            findings.add(new Finding(TARGET_INSTANCE, where, "a selector not filtered by the instance variable: " + expr));
        }
        if (!counterAgg) {
            findings.add(new Finding(TARGET_COUNTER_AGG, where, "a counter shown without rate or increase: " + expr));
        }
    }

    /**
     * Series with no replica to filter: recorded series ({@code level:metric:operations}, ours
     * aggregated per job) and Prometheus's {@code ALERTS}. The SLO panels read them over every
     * replica, as the alerts do, so the instance variable does not apply to them.
     */
    static boolean isJobLevel(String name) {
        return name != null && (name.contains(":") || name.equals(KnownSeries.ALERTS.name()));
    }

    /** The probe's series: scraped under the probe job of the selected job, the probed address as instance. */
    static boolean isProbe(String name) {
        return KnownSeries.PROBE_SUCCESS.name().equals(name) || KnownSeries.PROBE_DURATION_SECONDS.name().equals(name);
    }

    private boolean isCounter(String name) {
        return name != null && (counters.contains(name) || COUNTER_SUFFIXES.stream().anyMatch(name::endsWith));
    }

    private static List<JsonNode> variables(JsonNode dashboard, String type) {
        List<JsonNode> found = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> {
            if (v.path("type").asText().equals(type)) {
                found.add(v);
            }
        });
        return found;
    }
}
