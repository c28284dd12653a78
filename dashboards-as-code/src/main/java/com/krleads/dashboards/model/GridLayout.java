package com.krleads.dashboards.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Places rows and panels on the grid in the order they were added, left to right, wrapping to a
 * new line when a panel does not fit, and numbers them 1, 2, 3...: the same input always gives
 * the same ids and positions.
 */
final class GridLayout {
    private final List<Object> placed = new ArrayList<>();
    private int nextId = 1;
    private int x;
    private int y;
    private int lineHeight;

    void row(String title) {
        newLine();
        placed.add(new RowPanel(nextId++, title, new GridPos(0, y, GridPos.COLUMNS, 1)));
        y += 1;
    }

    void panel(PanelBuilder<?> builder) {
        if (x + builder.width > GridPos.COLUMNS) {
            newLine();
        }
        placed.add(builder.build(nextId++, new GridPos(x, y, builder.width, builder.height)));
        x += builder.width;
        lineHeight = Math.max(lineHeight, builder.height);
    }

    private void newLine() {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
    }

    /** Rows and panels in order, as {@link RowPanel} and {@link Panel}. */
    List<Object> placed() {
        return List.copyOf(placed);
    }
}
