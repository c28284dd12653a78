package com.krleads.dashboards;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deployment facts the generated files share, kept in one place: change a value here and
 * every dashboard, provisioning file and rule follows. The constants are the same everywhere; the
 * record's values are the deployment's, read from the environment once by the generator's main
 * ({@link #fromEnvironment}) and passed to what writes them, so tests build the settings they need.
 *
 * @param grafanaUrl Grafana as operators reach it, for dashboard links in alerts, from {@link #GRAFANA_URL_ENV}
 * @param runbookBaseUrl base of runbook links, from {@link #RUNBOOK_BASE_URL_ENV}
 * @param delivery Alertmanager's non-secret delivery settings, each from its variable or its default
 */
public record Settings(String grafanaUrl, String runbookBaseUrl, Map<AlertDelivery, String> delivery) {
    /** The pinned uid of the provisioned Prometheus datasource: the datasource variable's default. */
    public static final String DATASOURCE_UID = "prometheus";
    /** The datasource variable; every panel and variable query references it as {@code ${datasource}}. */
    public static final String DATASOURCE_VARIABLE = "datasource";
    public static final String DATASOURCE_NAME = "Prometheus";
    public static final String DATASOURCE_TYPE = "prometheus";
    /** Environment variable Grafana reads the Prometheus URL from (compose: http://prometheus:9090). */
    public static final String PROMETHEUS_URL_ENV = "PROMETHEUS_URL";
    public static final String DEFAULT_PROMETHEUS_URL = "http://prometheus:9090";
    /**
     * Environment variable Grafana reads the datasource's {@code timeInterval} from: each compose
     * file sets it to its Prometheus's scrape interval (15s development, 30s production), so
     * {@code $__rate_interval} is at least four scrape intervals in each environment.
     */
    public static final String SCRAPE_INTERVAL_ENV = "PROMETHEUS_SCRAPE_INTERVAL";

    /**
     * The {@code job} label of the service's scrape config in Prometheus, declared once: every
     * rule selector carries {@code job="kr-lead-scraper"}, and the dashboards' job variable
     * starts on it.
     */
    public static final String SCRAPE_JOB = "kr-lead-scraper";

    /**
     * The Grafana release line the dashboards are written for: its dashboard schemaVersion is
     * {@link com.krleads.dashboards.model.Dashboard#SCHEMA_VERSION}, and the compose files pin a
     * patch release of it (a test keeps the three in step).
     */
    public static final String GRAFANA_LINE = "11.6";

    public static final String FOLDER = "KR Lead Scraper Dashboards";
    /** Where the dashboards folder is mounted inside the Grafana container. */
    public static final String DASHBOARDS_PATH = "/var/lib/grafana/dashboards";

    /** Environment variable (read at generation) with the base of runbook links. */
    public static final String RUNBOOK_BASE_URL_ENV = "ALERT_RUNBOOK_BASE_URL";
    /** Environment variable (read at generation) with Grafana's address as operators reach it. */
    public static final String GRAFANA_URL_ENV = "ALERT_GRAFANA_URL";
    /** Development default of the runbook base: the repository's ALERTING.md. */
    public static final String DEFAULT_RUNBOOK_BASE_URL = "https://github.com/krleads/kr-lead-scraper/blob/main/docs/ALERTING.md";
    /** Development default of Grafana's address. */
    public static final String DEFAULT_GRAFANA_URL = "http://localhost:3000";

    /**
     * The probe of scrape job X is scraped as job {@code X-probe}: the dashboards select it with
     * {@code job=~"${job}-probe"}, so the job variable picks the service and its probe together
     * (Grafana writes several jobs as {@code (a|b)}, which the suffix extends to both probes).
     */
    public static final String PROBE_JOB_SUFFIX = "-probe";
    /** The scrape job of the blackbox exporter's outside-in probe of the API, in both compose Prometheus configs. */
    public static final String PROBE_JOB = SCRAPE_JOB + PROBE_JOB_SUFFIX;
    /** The blackbox exporter module the probe job asks for (deploy/blackbox). */
    public static final String PROBE_MODULE = "kr_api";
    /** How often the API is probed: 240 requests an hour, enough for the availability SLO's windows. */
    public static final String PROBE_INTERVAL = "15s";

    /** The scrape job of Alertmanager in the compose Prometheus configs. */
    public static final String ALERTMANAGER_JOB = "alertmanager";
    /** The scrape job of Prometheus itself in the compose Prometheus configs. */
    public static final String PROMETHEUS_JOB = "prometheus";

    /** Where Alertmanager finds its secrets (mounted files, never committed). */
    public static final String ALERTMANAGER_SECRETS = "/etc/alertmanager/secrets";

    public Settings {
        delivery = Collections.unmodifiableMap(new EnumMap<>(delivery));
    }

    /** The settings of this environment: each variable's value, or its default when it is unset or blank. */
    public static Settings fromEnvironment(Map<String, String> environment) {
        Map<AlertDelivery, String> delivery = new EnumMap<>(AlertDelivery.class);
        for (AlertDelivery setting : AlertDelivery.values()) {
            delivery.put(setting, setting.from(environment));
        }
        return new Settings(url(environment, GRAFANA_URL_ENV, DEFAULT_GRAFANA_URL),
                url(environment, RUNBOOK_BASE_URL_ENV, DEFAULT_RUNBOOK_BASE_URL), delivery);
    }

    /** The development defaults: what an environment without any of the variables gets. */
    public static Settings defaults() {
        return fromEnvironment(Map.of());
    }

    public String delivery(AlertDelivery setting) {
        return delivery.get(setting);
    }

    /** The variable's value without a trailing slash, or the default when it is unset or blank. */
    private static String url(Map<String, String> environment, String variable, String fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
