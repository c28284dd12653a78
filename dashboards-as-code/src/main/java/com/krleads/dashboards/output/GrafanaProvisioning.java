package com.krleads.dashboards.output;

import com.krleads.dashboards.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grafana's provisioning files: the Prometheus datasource and the dashboards file provider. */
public final class GrafanaProvisioning {
    /** Grafana expands {@code ${VAR}} in provisioning files (not in dashboards) when it loads them. */
    public static final String PROMETHEUS_URL = "${" + Settings.PROMETHEUS_URL_ENV + "}";
    /** The scrape interval of the environment's Prometheus (15s development, 30s production). */
    public static final String SCRAPE_INTERVAL = "${" + Settings.SCRAPE_INTERVAL_ENV + "}";

    private GrafanaProvisioning() {
    }

    public static Map<String, Object> datasources() {
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("name", Settings.DATASOURCE_NAME);
        ds.put("type", Settings.DATASOURCE_TYPE);
        ds.put("uid", Settings.DATASOURCE_UID);
        ds.put("access", "proxy");
        ds.put("url", PROMETHEUS_URL);
        ds.put("isDefault", true);
        ds.put("editable", false);
        ds.put("jsonData", Yaml.map("httpMethod", "POST", "timeInterval", SCRAPE_INTERVAL));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("apiVersion", 1);
        file.put("datasources", List.of(ds));
        return file;
    }

    public static Map<String, Object> dashboardProvider() {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", "kr-lead-scraper");
        provider.put("orgId", 1);
        provider.put("folder", Settings.FOLDER);
        provider.put("folderUid", "kr-lead-scraper");
        provider.put("type", "file");
        provider.put("disableDeletion", true);
        // Dashboards are code: UI saves are refused (dashboards are also editable: false); Save as makes a copy.
        provider.put("allowUiUpdates", false);
        provider.put("updateIntervalSeconds", 30);
        provider.put("options", Yaml.map("path", Settings.DASHBOARDS_PATH, "foldersFromFilesStructure", false));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("apiVersion", 1);
        file.put("providers", List.of(provider));
        return file;
    }
}
