package com.krleads.dashboards.model;

import java.util.Map;
import java.util.TreeMap;

/** One big number per series, optionally with a sparkline. */
public final class StatPanel extends PanelBuilder<StatPanel> {
    private String graphMode = "area";
    private String colorMode = "value";

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
        options.put("textMode", "auto");
        options.put("wideLayout", true);
        options.put("showPercentChange", false);
        options.put("percentChangeColorMode", "standard");
        options.put("orientation", "auto");
        options.put("reduceOptions", ReduceOptions.of("lastNotNull"));
        return options;
    }

    @Override
    Map<String, Object> custom() {
        return null;
    }
}
