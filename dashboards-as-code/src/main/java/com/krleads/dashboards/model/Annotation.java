package com.krleads.dashboards.model;

/** An annotation source of the dashboard. */
public final class Annotation {
    private final String name;
    private final DataSourceRef datasource;
    private final boolean enable = true;
    private final boolean hide;
    private final String iconColor;
    private final String type = "dashboard";
    private final Integer builtIn;

    private Annotation(String name, DataSourceRef datasource, boolean hide, String iconColor, Integer builtIn) {
        this.name = name;
        this.datasource = datasource;
        this.hide = hide;
        this.iconColor = iconColor;
        this.builtIn = builtIn;
    }

    /** Grafana's own annotations (the ones users add by clicking on a graph), as Grafana creates them. */
    public static Annotation builtInGrafana() {
        return new Annotation("Annotations & Alerts", DataSourceRef.of("grafana", "-- Grafana --"),
                true, "rgba(0, 211, 255, 1)", 1);
    }
}
