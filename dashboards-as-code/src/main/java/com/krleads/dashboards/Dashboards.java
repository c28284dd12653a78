package com.krleads.dashboards;

import com.krleads.dashboards.model.Dashboard;
import java.util.EnumMap;
import java.util.Map;

/** The dashboards, built. */
public final class Dashboards {
    private Dashboards() {
    }

    public static Map<KrDashboard, Dashboard> all() {
        Map<KrDashboard, Dashboard> all = new EnumMap<>(KrDashboard.class);
        all.put(KrDashboard.API_METRICS, ApiMetricsDashboard.build());
        all.put(KrDashboard.SCRAPING_STATISTICS, ScrapingStatisticsDashboard.build());
        all.put(KrDashboard.SYSTEM_HEALTH, SystemHealthDashboard.build());
        all.put(KrDashboard.SLOS, SloDashboard.build());
        return all;
    }
}
