package com.krleads.dashboards.model;

import java.util.List;
import java.util.Map;

/** A template variable: a datasource picker or a query-backed drop-down. */
public final class Variable {
    private final String type;
    private final String name;
    private final String label;
    private final String description;
    private final String query;
    private final DataSourceRef datasource;
    private final Map<String, Object> current;
    private final Boolean multi;
    private final Boolean includeAll;
    private final String allValue;
    private final Integer refresh;
    private final Integer sort;

    private Variable(String type, String name, String label, String description, String query,
                     DataSourceRef datasource, Map<String, Object> current, Boolean multi,
                     Boolean includeAll, String allValue, Integer refresh, Integer sort) {
        this.type = type;
        this.name = name;
        this.label = label;
        this.description = description;
        this.query = query;
        this.datasource = datasource;
        this.current = current;
        this.multi = multi;
        this.includeAll = includeAll;
        this.allValue = allValue;
        this.refresh = refresh;
        this.sort = sort;
    }

    /** Matches every value when All is chosen: {@code .+}, as the monitoring mixins (and their linter) want. */
    public static final String ALL_VALUE = ".+";

    /** Picks a datasource of the given plugin type; starts on the one with {@code defaultUid}. */
    public static Variable datasource(String name, String label, String pluginType, String defaultUid, String defaultName) {
        return new Variable("datasource", name, label, "Prometheus datasource to query",
                pluginType, null, Map.of("text", defaultName, "value", defaultUid),
                false, false, null, 1, null);
    }

    /**
     * The query is the plain string form: Grafana's schema only allows a string or an object
     * of objects here, and the Prometheus datasource reads the string form.
     *
     * A multi-value drop-down filled by a Prometheus query such as {@code label_values(...)}, with
     * an All option that matches every value ({@link #ALL_VALUE}), starting on All, refreshed
     * when the time range changes.
     */
    public static Variable multiQuery(String name, String label, String description, DataSourceRef ds, String query) {
        return new Variable("query", name, label, description,
                query, ds, Map.of("text", List.of("All"), "value", List.of("$__all")), true, true, ALL_VALUE, 2, 1);
    }

    /**
     * A multi-value drop-down that starts on {@code defaultValue} and offers no All option: with
     * All, panels would mix in every other job of a shared Prometheus.
     */
    public static Variable multiQueryDefaulting(String name, String label, String description, DataSourceRef ds,
                                                String query, String defaultValue) {
        return new Variable("query", name, label, description, query, ds,
                Map.of("text", List.of(defaultValue), "value", List.of(defaultValue)), true, false, ALL_VALUE, 2, 1);
    }

    public String name() {
        return name;
    }

    public String query() {
        return query;
    }
}
