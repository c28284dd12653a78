package com.krleads.dashboards.model;

import java.util.List;

/** A link in the dashboard's header to another dashboard, keeping time range and variables. */
public final class DashboardLink {
    private final String title;
    private final String type = "link";
    private final String url;
    private final String icon = "dashboard";
    private final String tooltip;
    private final List<String> tags = List.of();
    private final boolean asDropdown = false;
    private final boolean targetBlank = false;
    private final boolean includeVars = true;
    private final boolean keepTime = true;

    private DashboardLink(String title, String url, String tooltip) {
        this.title = title;
        this.url = url;
        this.tooltip = tooltip;
    }

    /** Link to the dashboard with this uid, by Grafana's stable {@code /d/<uid>} path. */
    public static DashboardLink toDashboard(String title, String uid) {
        return new DashboardLink(title, "/d/" + uid, "Open " + title);
    }

    public String url() {
        return url;
    }
}
