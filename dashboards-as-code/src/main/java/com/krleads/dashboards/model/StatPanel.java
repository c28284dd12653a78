package com.krleads.dashboards.model;

import java.util.Map;
import java.util.TreeMap;

/** One big number per series, optionally with a sparkline. */
public final class StatPanel extends PanelBuilder<StatPanel> {
    private String graphMode = "area";
    private String colorMode = "value";
    private String textMode = "auto";
    private String calc = "lastNotNull";

    private StatPanel() {
        size(6, 4);
    }

    public static StatPanel builder() {
        return new StatPanel();
    }

    public StatPanel noSparkline() {
        this.graphMode = "none";
        return this;
    }

    /** Color the whole tile, not only the number (for up/down indicators). */
    public StatPanel colorBackground() {
        this.colorMode = "background";
        return this;
    }

    /** Show the series name with its value (for one tile per series). */
    public StatPanel valueAndName() {
        this.textMode = "value_and_name";
        return this;
    }

    /** The reducer, such as {@code lastNotNull}, {@code sum} or {@code max}. */
    public StatPanel reduce(String calc) {
        this.calc = calc;
        return this;
    }

    @Override
    String type() {
        return "stat";
    }

    @Override
    Map<String, Object> options() {
        Map<String, Object> options = new TreeMap<>();
        options.put("graphMode", graphMode);
        options.put("colorMode", colorMode);
        options.put("justifyMode", "auto");
        options.put("textMode", textMode);
        options.put("wideLayout", true);
        options.put("showPercentChange", false);
        options.put("percentChangeColorMode", "standard");
        options.put("orientation", "auto");
        options.put("reduceOptions", ReduceOptions.of(calc));
        return options;
    }

    @Override
    Map<String, Object> custom() {
        return null;
    }
}
