package com.krleads.dashboards;

import java.util.Set;

/** The unit ids Grafana knows, from its JSON Schemas (the test is skipped when they are absent). */
public final class GrafanaUnits {
    private GrafanaUnits() {
    }

    public static Set<String> known() {
        return GrafanaSchemas.require().units();
    }
}
