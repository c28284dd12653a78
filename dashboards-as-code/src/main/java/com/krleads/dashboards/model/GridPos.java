package com.krleads.dashboards.model;

/** A panel's place on Grafana's 24-column grid. */
public final class GridPos {
    public static final int COLUMNS = 24;

    private final int h;
    private final int w;
    private final int x;
    private final int y;

    GridPos(int x, int y, int w, int h) {
        if (w <= 0 || w > COLUMNS || h <= 0 || x < 0 || x + w > COLUMNS || y < 0) {
            throw new IllegalArgumentException("bad grid position x=" + x + " y=" + y + " w=" + w + " h=" + h);
        }
        this.x = x;
        this.y = y;
        this.w = w;
        this.h = h;
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    public int w() {
        return w;
    }

    public int h() {
        return h;
    }
}
