package com.krleads.dashboards.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every panel kind shares: title, description, queries, size and the standard field
 * options. Subclasses add their type's options; ids and positions come from {@link GridLayout}.
 */
public abstract class PanelBuilder<B extends PanelBuilder<B>> {
    String title;
    String description;
    DataSourceRef datasource;
    String unit;
    Integer decimals;
    Double min;
    Double max;
    Threshold.Steps thresholds;
    Map<String, Object> color;
    String noValue;
    String interval;
    String timeFrom;
    int width = 12;
    int height = 8;
    final List<Target.Builder> targets = new ArrayList<>();
    final List<FieldConfig.Override> overrides = new ArrayList<>();
    final List<Map<String, Object>> transformations = new ArrayList<>();
    final List<Map<String, Object>> mappings = new ArrayList<>();

    PanelBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public B title(String title) {
        this.title = title;
        return self();
    }

    public B description(String description) {
        this.description = description;
        return self();
    }

    public B datasource(DataSourceRef datasource) {
        this.datasource = datasource;
        return self();
    }

    public B target(Target.Builder target) {
        targets.add(target);
        return self();
    }

    /** A Grafana unit id, such as {@code reqps}, {@code s}, {@code percentunit}, {@code bytes}. */
    public B unit(String unit) {
        this.unit = unit;
        return self();
    }

    public B decimals(int decimals) {
        this.decimals = decimals;
        return self();
    }

    public B min(double min) {
        this.min = min;
        return self();
    }

    public B max(double max) {
        this.max = max;
        return self();
    }

    public B thresholds(Threshold.Steps thresholds) {
        this.thresholds = thresholds;
        return self();
    }

    /** Colors from the thresholds rather than the palette. */
    public B colorByThresholds() {
        this.color = Map.of("mode", "thresholds");
        return self();
    }

    /** Text shown when the query returns no series (an idle system, a guarded ratio). */
    public B noValue(String noValue) {
        this.noValue = noValue;
        return self();
    }

    /**
     * The panel's minimum query interval, such as {@code 5m}: bars of counts per interval are
     * then at least that wide, whatever the time range.
     */
    public B interval(String interval) {
        this.interval = interval;
        return self();
    }

    /**
     * The panel's own relative time range, such as {@code 30d}, whatever the dashboard shows:
     * {@code $__range} in its queries is then that range.
     */
    public B timeFrom(String timeFrom) {
        this.timeFrom = timeFrom;
        return self();
    }

    /** Shows {@code text} in {@code color} instead of the number {@code value}. */
    public B mapValue(long value, String text, String color) {
        mappings.add(Map.of("type", "value", "options",
                Map.of(String.valueOf(value), Map.of("text", text, "color", color, "index", mappings.size()))));
        return self();
    }

    public B override(FieldConfig.Override override) {
        overrides.add(override);
        return self();
    }

    /** Width in grid columns (1 to 24) and height in grid rows. */
    public B size(int width, int height) {
        this.width = width;
        this.height = height;
        return self();
    }

    /** The panel plugin id, such as {@code timeseries}. */
    abstract String type();

    /** The panel type's {@code options} object. */
    abstract Map<String, Object> options();

    /** The panel type's {@code fieldConfig.defaults.custom} object, or null when it has none. */
    abstract Map<String, Object> custom();

    Panel build(int id, GridPos gridPos) {
        Objects.requireNonNull(title, "panel title");
        Objects.requireNonNull(description, () -> "description of panel " + title);
        if (targets.isEmpty()) {
            throw new IllegalStateException("panel " + title + " has no query");
        }
        List<Target> built = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            built.add(targets.get(i).build(i));
        }
        return new Panel(id, gridPos, this, built);
    }
}
