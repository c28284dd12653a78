package com.krleads.dashboards.model;

import java.util.List;

/** An expanded row: a full-width title bar; the panels below it, up to the next row, belong to it. */
public final class RowPanel {
    private final int id;
    private final String type = "row";
    private final String title;
    private final boolean collapsed = false;
    private final GridPos gridPos;
    private final List<Panel> panels = List.of();

    RowPanel(int id, String title, GridPos gridPos) {
        this.id = id;
        this.title = title;
        this.gridPos = gridPos;
    }

    public String title() {
        return title;
    }

    public GridPos gridPos() {
        return gridPos;
    }
}
