package com.krleads.dashboards;

import java.util.Map;

/**
 * Alertmanager's non-secret delivery settings, each read at generation time from the environment
 * variable named here (the Makefile exports `.env`), with a placeholder default.
 */
public enum AlertDelivery {
    SMTP_SMARTHOST("ALERT_SMTP_SMARTHOST", "smtp.example.com:587"),
    SMTP_FROM("ALERT_SMTP_FROM", "alertmanager@example.com"),
    SMTP_USER("ALERT_SMTP_USER", "alertmanager@example.com"),
    EMAIL_TO("ALERT_EMAIL_TO", "oncall@example.com"),
    SLACK_CHANNEL("ALERT_SLACK_CHANNEL", "#kr-lead-scraper-alerts"),
    /** The heartbeat URL the Watchdog pings (a dead man's switch service); none by default, required in production. */
    WATCHDOG_URL("ALERT_WATCHDOG_URL", ""),
    /** {@code production} (set by the production make targets): generation refuses to run without a Watchdog URL. */
    ENVIRONMENT("ALERT_ENVIRONMENT", ""),
    /** The pager critical alerts also go to: {@code pagerduty}, {@code opsgenie} or {@code webhook}; none by default. */
    PAGER("ALERT_PAGER", ""),
    /** The pager webhook's URL, for {@code ALERT_PAGER=webhook}. */
    PAGER_WEBHOOK_URL("ALERT_PAGER_WEBHOOK_URL", "");

    private final String variable;
    private final String fallback;

    AlertDelivery(String variable, String fallback) {
        this.variable = variable;
        this.fallback = fallback;
    }

    public String variable() {
        return variable;
    }

    String from(Map<String, String> environment) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
