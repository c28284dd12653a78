package com.krleads.dashboards.model;

import java.util.Objects;

/** A Prometheus query of a panel. */
public final class Target {
    private final String expr;
    private final String legendFormat;
    private final String refId;
    private final Boolean instant;
    private final Boolean range;
    private final String format;
    private final String editorMode = "code";

    private Target(Builder b, String refId) {
        this.expr = b.expr;
        this.legendFormat = b.legendFormat;
        this.refId = refId;
        this.instant = b.instant;
        this.range = !b.instant;
        this.format = b.format;
    }

    public static Builder builder(String expr) {
        return new Builder(expr);
    }

    public String expr() {
        return expr;
    }

    public String refId() {
        return refId;
    }

    public String legendFormat() {
        return legendFormat;
    }

    public boolean instant() {
        return instant;
    }

    public static final class Builder {
        private final String expr;
        private String legendFormat;
        private boolean instant;
        private String format = "time_series";

        private Builder(String expr) {
            this.expr = Objects.requireNonNull(expr);
        }

        public Builder legend(String legendFormat) {
            this.legendFormat = legendFormat;
            return this;
        }

        /** Only the latest value (stat, gauge, bar gauge and table panels). */
        public Builder instant() {
            this.instant = true;
            return this;
        }

        /** Rows of a table: one per series, labels as columns. */
        public Builder tableFormat() {
            this.format = "table";
            return this;
        }

        /** refIds are assigned by the panel, in order: A, B, C... */
        Target build(int index) {
            return new Target(this, String.valueOf((char) ('A' + index)));
        }
    }
}
