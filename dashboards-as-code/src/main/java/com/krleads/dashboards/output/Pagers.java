package com.krleads.dashboards.output;

import com.krleads.dashboards.AlertDelivery;
import com.krleads.dashboards.Settings;
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
    static Map<String, Object> receiver(String name, Settings settings) {
        String chosen = settings.delivery(AlertDelivery.PAGER);
        if (chosen.isEmpty()) {
            return null;
        }
        Kind kind;
        try {
            kind = Kind.valueOf(chosen.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(AlertDelivery.PAGER.variable() + " must be pagerduty, opsgenie or webhook", e);
        }
        Map<String, Object> receiver = new LinkedHashMap<>();
        receiver.put("name", name);
        switch (kind) {
            case PAGERDUTY -> receiver.put("pagerduty_configs", java.util.List.of(
                    Yaml.map("routing_key_file", AlertmanagerConfig.PAGERDUTY_KEY_FILE, "send_resolved", true)));
            case OPSGENIE -> receiver.put("opsgenie_configs", java.util.List.of(
                    Yaml.map("api_key_file", AlertmanagerConfig.OPSGENIE_KEY_FILE, "send_resolved", true)));
            case WEBHOOK -> {
                String url = settings.delivery(AlertDelivery.PAGER_WEBHOOK_URL);
                if (url.isEmpty()) {
                    throw new IllegalStateException(AlertDelivery.PAGER.variable() + "=webhook needs "
                            + AlertDelivery.PAGER_WEBHOOK_URL.variable());
                }
                receiver.put("webhook_configs", java.util.List.of(Yaml.map("url", url, "send_resolved", true)));
            }
        }
        return receiver;
    }
}
