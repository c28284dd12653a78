package com.krleads.dashboards.model;

import java.util.List;
import java.util.Map;

/** A visualization panel as it appears in the dashboard JSON; built by a {@link PanelBuilder}. */
public final class Panel {
    private final int id;
    private final String type;
    private final String title;
    private final String description;
    private final DataSourceRef datasource;
    private final GridPos gridPos;
    private final List<Target> targets;
    private final Map<String, Object> options;
    private final FieldConfig fieldConfig;
    private final List<Map<String, Object>> transformations;
    private final String interval;
    private final String timeFrom;

    Panel(int id, GridPos gridPos, PanelBuilder<?> b, List<Target> targets) {
        this.id = id;
        this.type = b.type();
        this.title = b.title;
        this.description = b.description;
        this.datasource = b.datasource;
        this.gridPos = gridPos;
        this.targets = List.copyOf(targets);
        this.options = b.options();
        this.fieldConfig = new FieldConfig(
                new FieldConfig.Defaults(b.unit, b.decimals, b.min, b.max, b.thresholds, b.color, b.custom(), b.noValue, b.mappings),
                b.overrides);
        this.transformations = b.transformations.isEmpty() ? null : List.copyOf(b.transformations);
        this.interval = b.interval;
        this.timeFrom = b.timeFrom;
    }

    public int id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public GridPos gridPos() {
        return gridPos;
    }

    public List<Target> targets() {
        return targets;
    }

    public Map<String, Object> options() {
        return options;
    }

    public FieldConfig fieldConfig() {
        return fieldConfig;
    }
}
