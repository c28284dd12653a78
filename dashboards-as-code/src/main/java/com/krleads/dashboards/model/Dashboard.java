package com.krleads.dashboards.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A classic Grafana dashboard (schema version 41), built with {@link #builder(String, String)}. */
public final class Dashboard {
    public static final int SCHEMA_VERSION = 41;

    private final String uid;
    private final String title;
    private final String description;
    private final List<String> tags;
    /** Every dashboard opens on the last six hours and refreshes every 30 s: the house defaults, set only here. */
    private final Map<String, String> time = Map.of("from", "now-6h", "to", "now");
    private final String refresh = "30s";
    private final String timezone = "browser";
    /** Provisioned from files: Grafana refuses UI saves anyway, so the dashboard says so (Save as makes a copy). */
    private final boolean editable = false;
    private final int graphTooltip = 1;
    private final int schemaVersion = SCHEMA_VERSION;
    private final int version = 1;
    private final List<DashboardLink> links;
    private final Map<String, List<Variable>> templating;
    private final Map<String, List<Annotation>> annotations;
    private final List<Object> panels;

    private Dashboard(Builder b) {
        this.uid = b.uid;
        this.title = b.title;
        this.description = b.description;
        this.tags = List.copyOf(b.tags);
        this.links = List.copyOf(b.links);
        this.templating = Map.of("list", List.copyOf(b.variables));
        this.annotations = Map.of("list", List.copyOf(b.annotations));
        this.panels = b.layout.placed();
    }

    public static Builder builder(String uid, String title) {
        return new Builder(uid, title);
    }

    public String uid() {
        return uid;
    }

    public String title() {
        return title;
    }

    public List<String> tags() {
        return tags;
    }

    public List<DashboardLink> links() {
        return links;
    }

    public List<Variable> variables() {
        return templating.get("list");
    }

    /** The visualization panels, without rows. */
    public List<Panel> panels() {
        return panels.stream().filter(Panel.class::isInstance).map(Panel.class::cast).toList();
    }

    public static final class Builder {
        private final String uid;
        private final String title;
        private String description;
        private final List<String> tags = new ArrayList<>();
        private final List<DashboardLink> links = new ArrayList<>();
        private final List<Variable> variables = new ArrayList<>();
        private final List<Annotation> annotations = new ArrayList<>();
        private final GridLayout layout = new GridLayout();

        private Builder(String uid, String title) {
            if (uid.length() > 40) {
                throw new IllegalArgumentException("dashboard uid longer than 40 characters: " + uid);
            }
            this.uid = Objects.requireNonNull(uid);
            this.title = Objects.requireNonNull(title);
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags.addAll(List.of(tags));
            return this;
        }

        public Builder link(DashboardLink link) {
            links.add(link);
            return this;
        }

        public Builder variable(Variable variable) {
            variables.add(variable);
            return this;
        }

        public Builder annotation(Annotation annotation) {
            annotations.add(annotation);
            return this;
        }

        public Builder row(String title) {
            layout.row(title);
            return this;
        }

        public Builder panel(PanelBuilder<?> panel) {
            layout.panel(panel);
            return this;
        }

        public Dashboard build() {
            return new Dashboard(this);
        }
    }
}
