package com.krleads.dashboards.model;

/** An annotation source of the dashboard. */
public final class Annotation {
    private final String name;
    private final DataSourceRef datasource;
    private final boolean enable = true;
    private final boolean hide;
    private final String iconColor;
    private final String type;
    private final Integer builtIn;
    private final String expr;

    private Annotation(String name, DataSourceRef datasource, boolean hide, String iconColor, String type,
                       Integer builtIn, String expr) {
        this.name = name;
        this.datasource = datasource;
        this.hide = hide;
        this.iconColor = iconColor;
        this.type = type;
        this.builtIn = builtIn;
        this.expr = expr;
    }

    /** Grafana's own annotations (the ones users add by clicking on a graph), as Grafana creates them. */
    public static Annotation builtInGrafana() {
        return new Annotation("Annotations & Alerts", DataSourceRef.of("grafana", "-- Grafana --"),
                true, "rgba(0, 211, 255, 1)", "dashboard", 1, null);
    }

    /**
     * Marks every time where the Prometheus query returns a series (consecutive steps join into
     * one region), toggled at the top of the dashboard. Grafana's schema allows no title or text
     * format here: the markers carry the series' labels.
     */
    public static Annotation prometheus(String name, DataSourceRef datasource, String iconColor, String expr) {
        return new Annotation(name, datasource, false, iconColor, null, null, expr);
    }

    public String name() {
        return name;
    }

    public String expr() {
        return expr;
    }
}
