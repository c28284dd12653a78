package com.krleads.dashboards.output;

import com.krleads.dashboards.output.AlertmanagerConfig.Delivery;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The optional pager for critical alerts, chosen by {@code ALERT_PAGER}: PagerDuty (Events API
 * v2, routing key in a secret file), Opsgenie (API key in a secret file) or a generic webhook
 * ({@code ALERT_PAGER_WEBHOOK_URL}). None when unset.
 */
final class Pagers {
    enum Kind { PAGERDUTY, OPSGENIE, WEBHOOK }

    private Pagers() {
    }

    /** The pager's receiver, or null when no pager is configured. */
    static Map<String, Object> receiver(String name, Map<String, String> environment) {
        String chosen = Delivery.PAGER.from(environment);
        if (chosen.isEmpty()) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(chosen.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(Delivery.PAGER.variable() + " must be pagerduty, opsgenie or webhook", e);
        }
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", name);
        switch (kind) {
            case PAGERDUTY -> receiver.put("pagerduty_configs", java.util.List.of(
                    Yaml.map("routing_key_file", AlertmanagerConfig.PAGERDUTY_KEY_FILE, "send_resolved", true)));
            case OPSGENIE -> receiver.put("opsgenie_configs", java.util.List.of(
                    Yaml.map("api_key_file", AlertmanagerConfig.OPSGENIE_KEY_FILE, "send_resolved", true)));
            case WEBHOOK -> {
                String url = Delivery.PAGER_WEBHOOK_URL.from(environment);
                if (url.isEmpty()) {
                    throw new IllegalStateException(Delivery.PAGER.variable() + "=webhook needs "
                            + Delivery.PAGER_WEBHOOK_URL.variable());
                }
                receiver.put("webhook_configs", java.util.List.of(Yaml.map("url", url, "send_resolved", true)));
            }
        }
        return receiver;
    }
}
