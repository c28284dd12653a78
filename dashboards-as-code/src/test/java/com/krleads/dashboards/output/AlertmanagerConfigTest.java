package com.krleads.dashboards.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerConfigTest {

    @Test
    void deliverySettingsComeFromTheEnvironmentAndSecretsFromFiles() {
        String yaml = Yaml.write("", config(Map.of(
                "ALERT_EMAIL_TO", "oncall@leads.example.kr", "ALERT_SMTP_SMARTHOST", "mail.example.kr:587",
                "ALERT_SLACK_CHANNEL", "#leads-oncall")));

        assertThat(yaml).contains("to: oncall@leads.example.kr", "smtp_smarthost: mail.example.kr:587",
                "channel: \"#leads-oncall\"", "smtp_auth_password_file: /etc/alertmanager/secrets/smtp_password",
                "slack_api_url_file: /etc/alertmanager/secrets/slack_api_url");
        assertThat(yaml).doesNotContain("smtp_auth_password:", "api_url:");
    }

    @Test
    void placeholdersWhenNothingIsSet() {
        String yaml = Yaml.write("", config(Map.of("ALERT_EMAIL_TO", " ")));
        assertThat(yaml).contains("to: oncall@example.com", "smtp_smarthost: smtp.example.com:587");
    }

    /** The dead man's switch must go somewhere in production; development and CI need no target. */
    @Test
    void productionRefusesToGenerateWithoutAWatchdogTarget() {
        assertThatThrownBy(() -> config(Map.of("ALERT_ENVIRONMENT", "production")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> config(Map.of("ALERT_ENVIRONMENT", "production", "ALERT_WATCHDOG_URL", " ")))
                .isInstanceOf(IllegalStateException.class);
        String yaml = Yaml.write("", config(Map.of("ALERT_ENVIRONMENT", "production",
                "ALERT_WATCHDOG_URL", "https://heartbeat.example.com/ping/abc")));
        assertThat(yaml).contains("url: https://heartbeat.example.com/ping/abc");
        assertThat(Yaml.write("", config(Map.of()))).doesNotContain("webhook_configs");
    }

    @Test
    void anUnknownPagerOrAWebhookPagerWithoutAddressIsRefused() {
        assertThatThrownBy(() -> config(Map.of("ALERT_PAGER", "pigeon")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> config(Map.of("ALERT_PAGER", "webhook")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pagerSecretsComeFromFiles() {
        assertThat(Yaml.write("", config(Map.of("ALERT_PAGER", "pagerduty"))))
                .contains("routing_key_file: /etc/alertmanager/secrets/pagerduty_routing_key").doesNotContain("routing_key:");
        assertThat(Yaml.write("", config(Map.of("ALERT_PAGER", "opsgenie"))))
                .contains("api_key_file: /etc/alertmanager/secrets/opsgenie_api_key").doesNotContain("api_key:");
    }

    /** E-mail and Slack both carry each alert's dashboard link on the alert's job and time. */
    @Test
    void everyNotificationLinksTheDashboardOnTheAlertsTime() throws Exception {
        JsonNode config = Yaml.mapper().readTree(Yaml.write("", config(Map.of())));
        List<String> texts = new ArrayList<>();
        for (JsonNode receiver : config.path("receivers")) {
            receiver.path("email_configs").forEach(c -> texts.add(c.path("text").asText()));
            receiver.path("slack_configs").forEach(c -> texts.add(c.path("text").asText()));
        }
        assertThat(texts).hasSize(3).allSatisfy(text -> assertThat(text).contains(AlertmanagerConfig.DASHBOARD_LINK));
    }

    /** The configuration for the settings of this environment. */
    private static Map<String, Object> config(Map<String, String> environment) {
        return AlertmanagerConfig.build(Settings.fromEnvironment(environment));
    }
}
