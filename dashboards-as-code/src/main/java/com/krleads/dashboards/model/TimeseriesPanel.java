package com.krleads.dashboards.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A graph over time. */
public final class TimeseriesPanel extends PanelBuilder<TimeseriesPanel> {
    private double fillOpacity = 10;
    private String stacking = "none";
    private String drawStyle = "line";

    private TimeseriesPanel() {
    }

    public static TimeseriesPanel builder() {
        return new TimeseriesPanel();
    }

    public TimeseriesPanel fillOpacity(double percent) {
        this.fillOpacity = percent;
        return this;
    }

    /** Stack the series on top of each other (for parts of a whole). */
    public TimeseriesPanel stacked() {
        this.stacking = "normal";
        this.fillOpacity = Math.max(fillOpacity, 30);
        return this;
    }

    public TimeseriesPanel bars() {
        this.drawStyle = "bars";
        return this;
    }

    @Override
    String type() {
        return "timeseries";
    }

    @Override
    Map<String, Object> options() {
        Map<String, Object> options = new TreeMap<>();
        options.put("legend", Map.of(
                "calcs", List.of(), "displayMode", "list", "placement", "bottom", "showLegend", true));
        options.put("tooltip", Map.of("mode", "multi", "sort", "desc"));
        return options;
    }

    @Override
    Map<String, Object> custom() {
        Map<String, Object> custom = new TreeMap<>();
        custom.put("drawStyle", drawStyle);
        custom.put("lineWidth", 1);
        custom.put("lineInterpolation", "linear");
        custom.put("fillOpacity", fillOpacity);
        custom.put("gradientMode", "none");
        custom.put("showPoints", "never");
        custom.put("spanNulls", false);
        custom.put("axisPlacement", "auto");
        custom.put("stacking", Map.of("mode", stacking, "group", "A"));
        custom.put("thresholdsStyle", Map.of("mode", thresholds == null ? "off" : "dashed"));
        return custom;
    }
}
