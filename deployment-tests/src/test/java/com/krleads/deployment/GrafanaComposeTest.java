package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Dashboards;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.Json;
import com.krleads.testing.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Grafana the compose files run, the dashboards' schemaVersion and the datasource interval, kept in step. */
class GrafanaComposeTest {
    /** Dashboard schemaVersion each Grafana release line writes (Grafana's schema migrations). */
    private static final Map<String, Integer> SCHEMA_VERSION_OF_LINE = Map.of("11.6", 41);

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.prod.yml"})
    void composePinsAPatchOfTheLineTheDashboardsAreWrittenFor(String file) throws Exception {
        String image = ProjectFiles.yaml(file).at("/services/grafana/image").asText();
        assertThat(image).matches("grafana/grafana:" + Settings.GRAFANA_LINE.replace(".", "\\.") + "\\.\\d+");
    }

    @Test
    void theGeneratedSchemaVersionIsTheLines() throws Exception {
        int expected = SCHEMA_VERSION_OF_LINE.get(Settings.GRAFANA_LINE);
        assertThat(Dashboard.SCHEMA_VERSION).isEqualTo(expected);
        for (Dashboard dashboard : Dashboards.all().values()) {
            assertThat(Json.mapper().readTree(Json.write(dashboard)).get("schemaVersion").asInt()).isEqualTo(expected);
        }
    }

    /** The JSON Schemas the dashboards are validated against say which line they describe. */
    @Test
    void theSchemasDescribeTheSameLine() throws Exception {
        String dir = System.getProperty("grafana.schema.dir");
        RequiredTools.requireThat(dir != null && Files.isRegularFile(Path.of(dir, "README.md")),
                "the Grafana JSON Schemas (system property grafana.schema.dir)");
        String readme = Files.readString(Path.of(dir, "README.md"));
        assertThat(readme).contains("v" + Settings.GRAFANA_LINE + ".x", "`schemaVersion` default " + Dashboard.SCHEMA_VERSION);
    }

    /** Grafana's $__rate_interval is at least four of the datasource's timeInterval: it must be the real scrape interval. */
    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.prod.yml"})
    void theDatasourceIntervalIsThePrometheusScrapeInterval(String file) throws Exception {
        JsonNode services = ProjectFiles.yaml(file).path("services");
        String interval = services.at("/grafana/environment/" + Settings.SCRAPE_INTERVAL_ENV).asText();
        String config = null;
        for (JsonNode volume : services.at("/prometheus/volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length > 1 && parts[1].equals("/etc/prometheus/prometheus.yml")) {
                config = parts[0];
            }
        }
        assertThat(config).as("Prometheus config mounted by %s", file).isNotNull();
        JsonNode prometheus = ProjectFiles.yaml(config);
        assertThat(interval).isNotBlank().isEqualTo(prometheus.at("/global/scrape_interval").asText());
        assertThat(prometheus.at("/scrape_configs/0/job_name").asText())
                .as("the job the dashboards and rules select").isEqualTo(Settings.SCRAPE_JOB);
    }
}
