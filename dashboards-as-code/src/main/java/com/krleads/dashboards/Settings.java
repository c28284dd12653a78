package com.krleads.dashboards;

/**
 * The deployment facts the generated files share, kept in one place: change a value here and
 * every dashboard, provisioning file and rule follows.
 */
public final class Settings {
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

    /** Base of runbook links, from {@link #RUNBOOK_BASE_URL_ENV} when set at generation. */
    public static final String RUNBOOK_BASE_URL = fromEnvironment(RUNBOOK_BASE_URL_ENV, DEFAULT_RUNBOOK_BASE_URL);
    /** Grafana as operators reach it, for dashboard links in alerts, from {@link #GRAFANA_URL_ENV}. */
    public static final String GRAFANA_URL = fromEnvironment(GRAFANA_URL_ENV, DEFAULT_GRAFANA_URL);

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

    private Settings() {
    }

    /** The variable's value without a trailing slash, or the default when it is unset or blank. */
    static String fromEnvironment(String variable, String fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
