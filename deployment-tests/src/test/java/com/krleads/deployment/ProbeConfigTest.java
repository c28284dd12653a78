package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Settings;
import com.krleads.testing.RequiredTools;
import com.krleads.testing.ToolRun;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outside-in probe in both stacks: the pinned blackbox exporter, its module file, and the
 * Prometheus job that asks it to probe the API, checked against each other and by the tools
 * that run them (Debian's prometheus-blackbox-exporter, the compose image's version, and promtool).
 */
class ProbeConfigTest {
    /** The version Debian ships: the deployment tests run the same exporter as the stacks. */
    static final String IMAGE = "prom/blackbox-exporter:v0.23.0";
    static final String CONFIG_IN_CONTAINER = "/etc/blackbox_exporter/config.yml";

    @ParameterizedTest
    @CsvSource({"docker-compose.yml,deploy/prometheus/prometheus.yml,service",
            "docker-compose.prod.yml,deploy/prometheus/prometheus.prod.yml,haproxy"})
    void prometheusProbesTheApiThroughThePinnedExporter(String compose, String prometheusConfig, String apiEntry)
            throws Exception {
        JsonNode services = ProjectFiles.yaml(compose).path("services");
        JsonNode blackbox = services.path("blackbox");
        assertThat(blackbox.path("image").asText()).isEqualTo(IMAGE);
        String modules = moduleFile(compose);
        assertThat(ProjectFiles.yaml(modules).at("/modules/" + Settings.PROBE_MODULE + "/prober").asText()).isEqualTo("http");

        JsonNode job = probeJob(prometheusConfig);
        assertThat(job.path("scrape_interval").asText()).isEqualTo(Settings.PROBE_INTERVAL);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/probe");
        assertThat(job.at("/params/module/0").asText()).isEqualTo(Settings.PROBE_MODULE);
        URI target = URI.create(job.at("/static_configs/0/targets/0").asText());
        assertThat(target.getHost()).as("the API's entry, where clients connect").isEqualTo(apiEntry);
        String published = services.at("/" + apiEntry + "/ports/0").asText();
        assertThat(String.valueOf(target.getPort())).isEqualTo(published.substring(published.lastIndexOf(':') + 1));
        List<String> replacements = new ArrayList<>();
        job.path("relabel_configs").forEach(r -> replacements.add(r.path("replacement").asText()));
        String exporterPort = blackbox.at("/ports/0").asText().replaceAll(".*:", "");
        assertThat(replacements).contains("blackbox:" + exporterPort);
    }

    @Test
    void productionProbesWithAReaderKeyFromAMountedSecretsFolder() throws Exception {
        JsonNode module = ProjectFiles.yaml(moduleFile("docker-compose.prod.yml")).at("/modules/" + Settings.PROBE_MODULE);
        assertThat(module.at("/http/authorization/type").asText()).isEqualTo("Bearer");
        String token = module.at("/http/authorization/credentials_file").asText();
        List<String> mounts = new ArrayList<>();
        ProjectFiles.yaml("docker-compose.prod.yml").at("/services/blackbox/volumes").forEach(v -> mounts.add(v.asText()));
        assertThat(mounts).contains("./deploy/blackbox/secrets:" + token.substring(0, token.lastIndexOf('/')) + ":ro");
        assertThat(ProjectFiles.path("deploy/blackbox/secrets/README.md")).exists();
        assertThat(Files.readString(ProjectFiles.path(".gitignore"))).contains("deploy/blackbox/secrets/*");
        assertThat(ProjectFiles.yaml(moduleFile("docker-compose.yml")).at("/modules/" + Settings.PROBE_MODULE
                + "/http/authorization").isMissingNode()).as("development runs without keys").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "docker-compose.prod.yml"})
    void debianBlackboxExporterAcceptsTheModules(String compose) throws Exception {
        String exporter = RequiredTools.require("prometheus-blackbox-exporter", "prometheus-blackbox-exporter").toString();
        assertThat(run(exporter, "--config.check", "--config.file=" + ProjectFiles.path(moduleFile(compose)))).isZero();
    }

    /** The check is not vacuous: a module with an unknown field is refused. */
    @Test
    void debianBlackboxExporterRefusesABrokenModule() throws Exception {
        String exporter = RequiredTools.require("prometheus-blackbox-exporter", "prometheus-blackbox-exporter").toString();
        java.nio.file.Path broken = Files.createTempFile(ProjectFiles.path("deployment-tests/target"), "blackbox-", ".yml");
        Files.writeString(broken, Files.readString(ProjectFiles.path("deploy/blackbox/blackbox.yml"))
                .replace("valid_status_codes", "valid_status_code"));
        try {
            assertThat(run(exporter, "--config.check", "--config.file=" + broken)).isNotZero();
        } finally {
            Files.delete(broken);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/prometheus/prometheus.yml", "deploy/prometheus/prometheus.prod.yml"})
    void promtoolAcceptsThePrometheusConfig(String config) throws Exception {
        String promtool = RequiredTools.require("promtool", "prometheus").toString();
        assertThat(run(promtool, "check", "config", ProjectFiles.path(config).toString())).isZero();
    }

    /** The module file a compose file mounts as the exporter's configuration. */
    static String moduleFile(String compose) throws Exception {
        for (JsonNode volume : ProjectFiles.yaml(compose).at("/services/blackbox/volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[1].equals(CONFIG_IN_CONTAINER)) {
                assertThat(ProjectFiles.path(parts[0])).exists();
                return parts[0].substring(2);
            }
        }
        throw new AssertionError(compose + " mounts no blackbox exporter configuration");
    }

    /** The scrape job {@link Settings#PROBE_JOB} of a Prometheus config. */
    static JsonNode probeJob(String prometheusConfig) throws Exception {
        for (JsonNode job : ProjectFiles.yaml(prometheusConfig).path("scrape_configs")) {
            if (job.path("job_name").asText().equals(Settings.PROBE_JOB)) {
                return job;
            }
        }
        throw new AssertionError(prometheusConfig + " has no job " + Settings.PROBE_JOB);
    }

    private static int run(String... command) throws Exception {
        return ToolRun.of(command).run().exit();
    }
}
