package com.krleads.dashboards.model;

import java.util.Map;
import java.util.TreeMap;

/** A dial between min and max, colored by thresholds. */
public final class GaugePanel extends PanelBuilder<GaugePanel> {
    private GaugePanel() {
        size(6, 6);
        colorByThresholds();
    }

    public static GaugePanel builder() {
        return new GaugePanel();
    }

    @Override
    String type() {
        return "gauge";
    }

    @Override
    Map<String, Object> options() {
        Map<String, Object> options = new TreeMap<>();
        options.put("showThresholdLabels", false);
        options.put("showThresholdMarkers", true);
        options.put("sizing", "auto");
        options.put("minVizWidth", 75);
        options.put("minVizHeight", 75);
        options.put("orientation", "auto");
        options.put("reduceOptions", ReduceOptions.of("lastNotNull"));
        return options;
    }

    @Override
    Map<String, Object> custom() {
        return null;
    }
}
