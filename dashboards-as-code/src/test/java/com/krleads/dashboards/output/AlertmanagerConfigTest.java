package com.krleads.dashboards.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerConfigTest {

    @Test
    void deliverySettingsComeFromTheEnvironmentAndSecretsFromFiles() {
        String yaml = Yaml.write("", AlertmanagerConfig.build(Map.of(
                "ALERT_EMAIL_TO", "oncall@leads.example.kr", "ALERT_SMTP_SMARTHOST", "mail.example.kr:587",
                "ALERT_SLACK_CHANNEL", "#leads-oncall")));

        assertThat(yaml).contains("to: oncall@leads.example.kr", "smtp_smarthost: mail.example.kr:587",
                "channel: \"#leads-oncall\"", "smtp_auth_password_file: /etc/alertmanager/secrets/smtp_password",
                "slack_api_url_file: /etc/alertmanager/secrets/slack_api_url");
        assertThat(yaml).doesNotContain("smtp_auth_password:", "api_url:");
    }

    @Test
    void placeholdersWhenNothingIsSet() {
        String yaml = Yaml.write("", AlertmanagerConfig.build(Map.of("ALERT_EMAIL_TO", " ")));
        assertThat(yaml).contains("to: oncall@example.com", "smtp_smarthost: smtp.example.com:587");
    }
}
