package com.krleads.dashboards.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Horizontal bars, one per series: good for rankings such as the busiest endpoints. */
public final class BarGaugePanel extends PanelBuilder<BarGaugePanel> {
    private String displayMode = "gradient";

    private BarGaugePanel() {
    }

    public static BarGaugePanel builder() {
        return new BarGaugePanel();
    }

    public BarGaugePanel basic() {
        this.displayMode = "basic";
        return this;
    }

    @Override
    String type() {
        return "bargauge";
    }

    @Override
    Map<String, Object> options() {
        Map<String, Object> options = new TreeMap<>();
        options.put("displayMode", displayMode);
        options.put("valueMode", "color");
        options.put("namePlacement", "auto");
        options.put("showUnfilled", true);
        options.put("sizing", "auto");
        options.put("minVizWidth", 8);
        options.put("minVizHeight", 16);
        options.put("maxVizHeight", 300);
        options.put("orientation", "horizontal");
        options.put("legend", Map.of("calcs", List.of(), "displayMode", "list", "placement", "bottom", "showLegend", false));
        options.put("reduceOptions", ReduceOptions.of("lastNotNull"));
        return options;
    }

    @Override
    Map<String, Object> custom() {
        return null;
    }
}
