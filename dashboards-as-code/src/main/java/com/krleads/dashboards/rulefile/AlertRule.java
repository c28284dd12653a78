package com.krleads.dashboards.rulefile;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import com.krleads.metrics.Labels;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Prometheus alerting rule with the house annotations: every alert has a severity, a summary,
 * a description, a runbook link to its section of docs/ALERTING.md and a link to its dashboard.
 */
public final class AlertRule {
    public enum Severity {
        CRITICAL, WARNING,
        /** Not for people: the Watchdog, routed to a heartbeat. */
        NONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String SEVERITY = "severity";
    public static final String SUMMARY = "summary";
    public static final String DESCRIPTION = "description";
    public static final String RUNBOOK_URL = "runbook_url";
    public static final String DASHBOARD_URL = "dashboard_url";
    private static final String IMMEDIATELY = "0s";

    private final String name;
    private final String expr;
    private final String forDuration;
    private final Severity severity;
    private final String summary;
    private final String description;
    private final KrDashboard dashboard;
    private final String dashboardQuery;
    private final boolean serviceJob;
    private final Map<String, String> extraLabels;

    private AlertRule(Builder b) {
        this.name = Objects.requireNonNull(b.name);
        this.expr = Objects.requireNonNull(b.expr, () -> name + ": expr");
        this.forDuration = Objects.requireNonNull(b.forDuration, () -> name + ": for");
        this.severity = Objects.requireNonNull(b.severity, () -> name + ": severity");
        this.summary = Objects.requireNonNull(b.summary, () -> name + ": summary");
        this.description = Objects.requireNonNull(b.description, () -> name + ": description");
        this.dashboard = Objects.requireNonNull(b.dashboard, () -> name + ": dashboard");
        this.dashboardQuery = b.dashboardQuery;
        this.serviceJob = b.serviceJob;
        this.extraLabels = new LinkedHashMap<>(b.labels);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String expr() {
        return expr;
    }

    public Severity severity() {
        return severity;
    }

    /** The anchor of the alert's runbook section: GitHub's anchor of a {@code ### Name} heading. */
    public String runbookAnchor() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The labels the rule sets: its own (such as {@code slo}) and then the severity. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        labels.put(SEVERITY, severity.label());
        return labels;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    /** Annotations as written in the rule file (summary and description may hold templates). */
    public Map<String, String> annotations(Settings settings) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(SUMMARY, summary);
        map.put(DESCRIPTION, description);
        map.put(RUNBOOK_URL, settings.runbookBaseUrl() + "#" + runbookAnchor());
        map.put(DASHBOARD_URL, dashboardUrl(settings));
        return map;
    }

    /**
     * The dashboard on the alert's {@code job} (its label, or the service's for alerts about
     * another job such as Alertmanager's), with the rule's own query (such as the source) after it.
     * Alertmanager's notifications add the alert's time range ({@code from}, {@code to}), which
     * Prometheus's annotation templates cannot know.
     */
    public String dashboardUrl(Settings settings) {
        String job = serviceJob ? Settings.SCRAPE_JOB : Templates.label(Labels.JOB);
        String url = dashboard.url(settings) + "?var-" + Labels.JOB + "=" + job;
        return dashboardQuery == null ? url : url + "&" + dashboardQuery;
    }

    /** The dashboard link as Prometheus renders it for an alert with these labels (a missing label renders empty). */
    public String renderedDashboardUrl(Settings settings, Map<String, String> labels) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{ \\$labels\\.(\\w+) }}").matcher(dashboardUrl(settings));
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(url, java.util.regex.Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
        }
        return m.appendTail(url).toString();
    }

    Map<String, Object> toYaml(Settings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("alert", name);
        map.put("expr", expr);
        if (!forDuration.equals(IMMEDIATELY)) {
            map.put("for", forDuration);
        }
        map.put("labels", labels());
        map.put("annotations", annotations(settings));
        return map;
    }

    public static final class Builder {
        private final String name;
        private String expr;
        private String forDuration;
        private Severity severity;
        private String summary;
        private String description;
        private KrDashboard dashboard;
        private String dashboardQuery;
        private boolean serviceJob;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder expr(String expr) {
            this.expr = expr;
            return this;
        }

        /** How long the condition must hold before the alert fires, such as {@code 5m}. */
        public Builder forDuration(String forDuration) {
            this.forDuration = forDuration;
            return this;
        }

        /** No {@code for}: the alert fires at the first evaluation its condition holds. */
        public Builder immediately() {
            this.forDuration = IMMEDIATELY;
            return this;
        }

        /** A label the alert carries besides its severity. */
        public Builder label(String label, String value) {
            labels.put(label, value);
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** The dashboard to open, on the job of the alert's {@code job} label. */
        public Builder dashboard(KrDashboard dashboard) {
            this.dashboard = dashboard;
            return this;
        }

        /** The dashboard opened with a query, such as {@code var-source={{ $labels.source }}}. */
        public Builder dashboard(KrDashboard dashboard, String query) {
            this.dashboard = dashboard;
            this.dashboardQuery = query;
            return this;
        }

        /** The dashboard to open on the service's job: for alerts about another job, or none. */
        public Builder dashboardOfService(KrDashboard dashboard) {
            this.dashboard = dashboard;
            this.serviceJob = true;
            return this;
        }

        public AlertRule build() {
            return new AlertRule(this);
        }
    }
}
