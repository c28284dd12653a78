package com.krleads.dashboards;

/** The dashboards: stable uids, titles and file names, kept in one place. */
public enum KrDashboard {
    API_METRICS("kr-api-metrics", "KR Lead Scraper / API Metrics", "api-metrics.json"),
    SCRAPING_STATISTICS("kr-scraping-statistics", "KR Lead Scraper / Scraping Statistics", "scraping-statistics.json"),
    SYSTEM_HEALTH("kr-system-health", "KR Lead Scraper / System Health", "system-health.json"),
    SLOS("kr-slos", "KR Lead Scraper / SLOs", "slos.json");

    private final String uid;
    private final String title;
    private final String fileName;

    KrDashboard(String uid, String title, String fileName) {
        this.uid = uid;
        this.title = title;
        this.fileName = fileName;
    }

    public String uid() {
        return uid;
    }

    public String title() {
        return title;
    }

    public String fileName() {
        return fileName;
    }

    /** The dashboard's address in the Grafana of these settings, for links from alerts. */
    public String url(Settings settings) {
        return settings.grafanaUrl() + "/d/" + uid;
    }
}
