package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.testing.RequiredTools;
import com.krleads.testing.ToolRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The compose files are checked here since no Docker engine runs on the build machines. */
class ComposeFilesTest {
    private static final String DEV = "docker-compose.yml";
    private static final String PROD = "docker-compose.prod.yml";

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void everyMountedHostPathExistsAfterPackage(String file) throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services(file)) {
            for (JsonNode volume : service.getValue().path("volumes")) {
                String host = volume.asText().split(":")[0];
                if (host.startsWith("./") && !Files.exists(ProjectFiles.path(host))) {
                    missing.add(service.getKey() + ": " + host);
                }
            }
        }
        assertThat(missing).as("host paths mounted by %s", file).isEmpty();
    }

    @Test
    void productionPublishesPortsOnLoopbackOnly() throws Exception {
        for (Map.Entry<String, JsonNode> service : services(PROD)) {
            for (JsonNode port : service.getValue().path("ports")) {
                assertThat(port.asText()).as("port of %s", service.getKey()).startsWith("127.0.0.1:");
            }
            assertThat(service.getValue().path("restart").asText()).as("restart of %s", service.getKey()).isNotEmpty();
            assertThat(service.getValue().has("healthcheck")).as("health check of %s", service.getKey()).isTrue();
            assertThat(service.getValue().at("/deploy/resources/limits").isObject()).as("limits of %s", service.getKey()).isTrue();
        }
    }

    /** Links in alerts and notifications open from a browser, not at a container's address. */
    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void prometheusAndAlertmanagerKnowTheirExternalUrls(String file) throws Exception {
        for (String service : List.of("prometheus", "alertmanager")) {
            List<String> flags = new ArrayList<>();
            ProjectFiles.yaml(file).at("/services/" + service + "/command").forEach(flag -> flags.add(flag.asText()));
            assertThat(flags).as("%s in %s", service, file).anyMatch(flag -> flag.matches(
                    "--web\\.external-url=\\$\\{" + service.toUpperCase(java.util.Locale.ROOT) + "_EXTERNAL_URL:-http://localhost:\\d+}"));
        }
    }

    @Test
    void productionRequiresGrafanaPasswordAndLocksGrafanaDown() throws Exception {
        JsonNode env = ProjectFiles.yaml(PROD).at("/services/grafana/environment");
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD").asText()).startsWith("${GRAFANA_PASSWORD:?");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("false");
        assertThat(env.path("GF_USERS_ALLOW_SIGN_UP").asText()).isEqualTo("false");
        assertThat(ProjectFiles.yaml(PROD).at("/services/prometheus/command").toString()).contains("retention.time=90d");
        assertThat(ProjectFiles.yaml(DEV).at("/services/prometheus/command").toString()).contains("retention.time=30d");
    }

    @ParameterizedTest
    @CsvSource({DEV + ",config.yml", PROD + ",config-prod.yml"})
    void everyEnvironmentVariableTheServiceReadsIsPassed(String composeFile, String configFile) throws Exception {
        JsonNode env = ProjectFiles.yaml(composeFile).at("/services/service/environment");
        Set<String> passed = new TreeSet<>();
        // NAME_FILE passes NAME: the service reads the named file (a compose secret) instead.
        env.fieldNames().forEachRemaining(name -> {
            passed.add(name);
            passed.add(name.replaceFirst("_FILE$", ""));
        });
        Set<String> read = new TreeSet<>(ProjectFiles.environmentReferences(configFile));
        read.add("CONFIG_FILE");
        assertThat(passed).as("%s passes what %s reads", composeFile, configFile).containsAll(read);
        assertThat(env.path("CONFIG_FILE").asText()).isEqualTo(configFile);
    }

    @Test
    void productionReadsApiKeysFromAMountedSecretsFolder() throws Exception {
        JsonNode service = ProjectFiles.yaml(PROD).at("/services/service");
        assertThat(service.at("/environment/AUTH_ENABLED").asText()).isEqualTo("true");
        String keysFile = service.at("/environment/API_KEYS_FILE").asText();
        List<String> mounts = new ArrayList<>();
        service.path("volumes").forEach(v -> mounts.add(v.asText()));
        assertThat(mounts).contains("./deploy/service/secrets:" + keysFile.substring(0, keysFile.lastIndexOf('/')) + ":ro");
        assertThat(ProjectFiles.path("deploy/service/secrets/README.md")).exists();
        assertThat(Files.readString(ProjectFiles.path(".gitignore"))).contains("deploy/service/secrets/*");
    }

    @Test
    void productionRunsAsTheRuntimeRoleAndMigratesAsAnotherWithPasswordsFromFiles() throws Exception {
        JsonNode services = ProjectFiles.yaml(PROD).path("services");
        JsonNode service = services.path("service");
        assertThat(service.at("/environment/DATABASE_USER").asText()).isEqualTo("leads_app");
        assertThat(service.at("/environment/MIGRATE_ON_START").asText()).isEqualTo("false");
        assertThat(service.at("/environment/DATABASE_PASSWORD_FILE").asText()).startsWith("/run/secrets/");
        assertThat(service.at("/depends_on/migrate/condition").asText()).isEqualTo("service_completed_successfully");
        JsonNode migrate = services.path("migrate");
        assertThat(migrate.at("/environment/DATABASE_USER").asText()).isEqualTo("leads_migrator");
        assertThat(migrate.path("entrypoint").toString()).contains("db migrate");
        assertThat(services.at("/postgres/environment/POSTGRES_PASSWORD_FILE").asText()).startsWith("/run/secrets/");
        for (Map.Entry<String, JsonNode> each : services(PROD)) {
            each.getValue().path("environment").fieldNames().forEachRemaining(name -> assertThat(name)
                    .as("a database password in the environment of %s", each.getKey())
                    .doesNotMatch("(DATABASE|POSTGRES)_PASSWORD"));
        }
        List<String> mounts = new ArrayList<>();
        services.at("/postgres/volumes").forEach(v -> mounts.add(v.asText()));
        assertThat(mounts).contains("./deploy/postgres/initdb:/docker-entrypoint-initdb.d:ro");
        assertThat(Files.readString(ProjectFiles.path(".gitignore"))).contains("deploy/postgres/secrets/*");
    }

    @Test
    void developmentRunsWithoutKeys() throws Exception {
        JsonNode service = ProjectFiles.yaml(DEV).at("/services/service");
        assertThat(service.at("/environment/AUTH_ENABLED").asText()).isEqualTo("${AUTH_ENABLED:-false}");
    }

    /** A developer's database superuser, Grafana's admin/admin and Prometheus's lifecycle API stay on the machine. */
    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void everyPublishedPortIsBoundToLoopback(String file) throws Exception {
        List<String> published = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services(file)) {
            for (JsonNode port : service.getValue().path("ports")) {
                published.add(service.getKey() + " " + port.asText());
            }
        }
        assertThat(published).isNotEmpty().allSatisfy(port -> assertThat(port).contains(" 127.0.0.1:"));
    }

    @Test
    void singleInstanceServicesHaveFixedNamesAndTheServiceScales() throws Exception {
        for (String file : List.of(DEV, PROD)) {
            JsonNode services = ProjectFiles.yaml(file).path("services");
            for (String name : List.of("prometheus", "grafana", "alertmanager", "postgres", "blackbox")) {
                assertThat(services.at("/" + name + "/container_name").asText()).isEqualTo("kr-" + name);
            }
            assertThat(services.at("/service/container_name").isMissingNode()).as("service must scale").isTrue();
        }
    }

    /** Both stacks' Prometheus scrape Alertmanager under the job the alerts about alerting select. */
    @ParameterizedTest
    @CsvSource({"deploy/prometheus/prometheus.yml", "deploy/prometheus/prometheus.prod.yml"})
    void prometheusScrapesAlertmanager(String config) throws Exception {
        List<String> targets = new ArrayList<>();
        for (JsonNode job : ProjectFiles.yaml(config).path("scrape_configs")) {
            if (job.path("job_name").asText().equals(com.krleads.dashboards.Settings.ALERTMANAGER_JOB)) {
                job.at("/static_configs/0/targets").forEach(t -> targets.add(t.asText()));
            }
        }
        assertThat(targets).containsExactly("alertmanager:9093");
        assertThat(ProjectFiles.yaml(config).at("/alerting/alertmanagers/0/static_configs/0/targets/0").asText())
                .isEqualTo("alertmanager:9093");
    }

    @ParameterizedTest
    @ValueSource(strings = {DEV, PROD})
    void debianDockerComposeAcceptsTheFile(String file) throws Exception {
        Path compose = RequiredTools.require("docker-compose", "docker-compose");
        ToolRun.Result result = ToolRun.of(compose.toString(), "-f", file, "config", "-q").in(ProjectFiles.root())
                .env("GRAFANA_PASSWORD", "test-only").env("POSTGRES_PASSWORD", "test-only").run();
        assertThat(result.exit()).as(result.output()).isZero();
    }

    private static Iterable<Map.Entry<String, JsonNode>> services(String file) throws Exception {
        JsonNode services = ProjectFiles.yaml(file).path("services");
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        services.fields().forEachRemaining(list::add);
        return list;
    }
}
