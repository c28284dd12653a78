package com.krleads.dashboards.model;

import java.util.List;

/** One step of a threshold scale, and the scale itself ({@link Steps}). */
public final class Threshold {
    private final double value;
    private final String color;

    private Threshold(double value, String color) {
        this.value = value;
        this.color = color;
    }

    /**
     * The base step. Grafana writes it as {@code null} (for -Infinity), which its own JSON Schema
     * rejects (value must be a number); Grafana resets the first step to -Infinity when it loads a
     * panel, so any number works here and 0 keeps the schema happy.
     */
    public static Threshold base(String color) {
        return new Threshold(0, color);
    }

    public static Threshold at(double value, String color) {
        return new Threshold(value, color);
    }

    public double value() {
        return value;
    }

    /** Absolute threshold steps, base first. */
    public static final class Steps {
        private final String mode = "absolute";
        private final List<Threshold> steps;

        private Steps(List<Threshold> steps) {
            this.steps = List.copyOf(steps);
        }

        public static Steps absolute(Threshold base, Threshold... above) {
            List<Threshold> all = new java.util.ArrayList<>();
            all.add(base);
            double previous = Double.NEGATIVE_INFINITY;
            for (Threshold step : above) {
                if (step.value <= previous) {
                    throw new IllegalArgumentException("threshold steps must increase");
                }
                previous = step.value;
                all.add(step);
            }
            return new Steps(all);
        }

        public String mode() {
            return mode;
        }

        public List<Threshold> steps() {
            return steps;
        }
    }
}
