package com.krleads.dashboards.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table. With several instant queries in table format, {@link #mergeColumns} joins them on
 * their labels into one row per series, each query a column.
 */
public final class TablePanel extends PanelBuilder<TablePanel> {
    private String sortBy;

    private TablePanel() {
        size(24, 8);
        unit("none");
    }

    public static TablePanel builder() {
        return new TablePanel();
    }

    public TablePanel sortDescendingBy(String column) {
        this.sortBy = column;
        return this;
    }

    /**
     * Merges the queries' frames and names their value columns: {@code Value #A} becomes the
     * first given name, and so on. The time column is hidden.
     */
    public TablePanel mergeColumns(String... names) {
        return mergeColumnsHiding(List.of(), names);
    }

    /** As {@link #mergeColumns}, also hiding the given label columns (such as one every row shares). */
    public TablePanel mergeColumnsHiding(List<String> hidden, String... names) {
        Map<String, Object> rename = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            rename.put("Value #" + (char) ('A' + i), names[i]);
        }
        Map<String, Object> exclude = new TreeMap<>();
        exclude.put("Time", true);
        hidden.forEach(column -> exclude.put(column, true));
        transformations.add(Map.of("id", "merge", "options", Map.of()));
        transformations.add(Map.of("id", "organize", "options",
                Map.of("excludeByName", exclude, "renameByName", rename)));
        return this;
    }

    /**
     * One row per series of a single instant query, its labels as columns: the value column and
     * the time are hidden (for info series such as {@code build_info}, whose value is always 1).
     */
    public TablePanel labelsOnly() {
        transformations.add(Map.of("id", "organize", "options",
                Map.of("excludeByName", new TreeMap<>(Map.of("Time", true, "Value", true)))));
        return this;
    }

    @Override
    String type() {
        return "table";
    }

    @Override
    Map<String, Object> options() {
        Map<String, Object> options = new TreeMap<>();
        options.put("frameIndex", 0);
        options.put("showHeader", true);
        options.put("cellHeight", "sm");
        if (sortBy != null) {
            options.put("sortBy", List.of(Map.of("displayName", sortBy, "desc", true)));
        }
        return options;
    }

    @Override
    Map<String, Object> custom() {
        // No cellOptions: Grafana's schema lists the cell kinds as a oneOf that a bare
        // {"type": "auto"} matches twice (auto and sparkline), so it rejects it; auto is the default.
        return Map.of("align", "auto", "inspect", false);
    }
}
