package com.krleads.dashboards.ruletests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.dashboards.GeneratedOutput;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.output.Generator;
import com.krleads.metrics.Labels;
import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import com.krleads.testing.RequiredTools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every inhibit rule really inhibits: the generated configuration in a real Alertmanager (Debian's
 * package), fed the label sets that the promtool scenarios show firing together (outage: both
 * burn alerts of one SLO; the coincidence scenarios: database, idle workers, jobs waiting too long;
 * database and the availability page). The database alert, held back by the page, still holds
 * back the queue alerts it causes.
 */
class AlertmanagerInhibitionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = Settings.SCRAPE_JOB;

    @Test
    void eachInhibitRuleHoldsBackTheAlertItPairs(@TempDir Path dir) throws Exception {
        String alertmanager = RequiredTools.require("prometheus-alertmanager", "prometheus-alertmanager").toString();
        int port = ChildProcess.freePort();
        try (ChildProcess process = ChildProcess.start("alertmanager", List.of(alertmanager,
                "--config.file=" + GeneratedOutput.dir().resolve(Generator.ALERTMANAGER_FILE).toAbsolutePath(),
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="), dir, Map.of(), dir.resolve("log"))) {
            String base = "http://127.0.0.1:" + port;
            Await.until("alertmanager ready", Duration.ofSeconds(20),
                    () -> send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build()).statusCode() == 200, process);
            List<Map<String, String>> alerts = List.of(
                    alert("KrErrorBudgetBurn", "critical", Labels.SLO, "api-availability"),
                    alert("KrErrorBudgetBurn", "warning", Labels.SLO, "api-availability"),
                    alert("KrErrorBudgetBurn", "warning", Labels.SLO, "api-latency"),
                    alert("KrDatabaseUnhealthy", "critical", Labels.INSTANCE, AlertScenarios.REPLICA, Labels.CHECK, "database"),
                    alert("KrNoBusyWorkers", "critical", Labels.QUEUE_NAME, "scraping"),
                    alert("KrQueueWaitTooLong", "warning", Labels.QUEUE_NAME, "scraping"),
                    alert("KrQueueUnhealthy", "warning", Labels.INSTANCE, AlertScenarios.REPLICA, Labels.CHECK, "queue"));
            List<Map<String, Object>> body = new ArrayList<>();
            alerts.forEach(labels -> body.add(Map.of("labels", labels)));
            HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

            Map<String, String> states = new LinkedHashMap<>();
            for (JsonNode alert : JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/v2/alerts")).build()).body())) {
                JsonNode labels = alert.get("labels");
                String key = labels.get("alertname").asText() + "/" + labels.get("severity").asText() + "/"
                        + labels.path(Labels.SLO).asText(labels.path(Labels.CHECK).asText(""));
                states.put(key, alert.at("/status/state").asText() + " " + alert.at("/status/inhibitedBy").size());
            }
            assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "KrErrorBudgetBurn/critical/api-availability", "active 0",
                    "KrErrorBudgetBurn/warning/api-availability", "suppressed 1",
                    "KrErrorBudgetBurn/warning/api-latency", "active 0",
                    "KrDatabaseUnhealthy/critical/database", "suppressed 1",
                    "KrNoBusyWorkers/critical/", "suppressed 1",
                    "KrQueueWaitTooLong/warning/", "suppressed 1",
                    "KrQueueUnhealthy/warning/queue", "suppressed 1"));
        }
    }

    private static Map<String, String> alert(String name, String severity, String... more) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", name);
        labels.put(Labels.JOB, JOB);
        labels.put("severity", severity);
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return labels;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
