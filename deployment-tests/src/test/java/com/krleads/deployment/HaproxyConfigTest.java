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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The balancer of the production stack: deploy/haproxy/haproxy.cfg as Debian's HAProxy reads it, and as compose runs it. */
class HaproxyConfigTest {
    private static final String PROD = "docker-compose.prod.yml";
    private static final Pattern SERVER = Pattern.compile("(?m)^\\s*server\\s+(\\S+)\\s+([^:\\s]+):(\\d+)");

    @Test
    void debianHaproxyAcceptsTheShippedConfiguration() throws Exception {
        Path haproxy = RequiredTools.require("haproxy", "haproxy");
        ToolRun.Result checked = ToolRun.of(haproxy.toString(), "-c", "-f", LoadBalancer.CONFIG).in(ProjectFiles.root()).run();
        String output = checked.output();
        assertThat(checked.exit()).as(output).isZero();
        // Outside the compose network the replicas' names do not resolve; nothing else may be warned about.
        assertThat(output.lines().filter(l -> l.contains("WARNING")))
                .allMatch(l -> l.contains("could not resolve address"), "only unresolvable compose names");
    }

    @Test
    void theImageIsPinnedToTheLineDebianShips() throws Exception {
        String image = ProjectFiles.yaml(PROD).at("/services/haproxy/image").asText();
        assertThat(image).matches("haproxy:2\\.6\\.\\d+");
        Path haproxy = RequiredTools.require("haproxy", "haproxy");
        String version = ToolRun.of(haproxy.toString(), "-v").run().output();
        assertThat(version).contains("version 2.6.");
    }

    @Test
    void everyReplicaIsBalancedAndCheckedForReadinessOnItsAdminPort() throws Exception {
        String config = Files.readString(ProjectFiles.path(LoadBalancer.CONFIG));
        JsonNode services = ProjectFiles.yaml(PROD).path("services");
        List<String> replicas = new ArrayList<>();
        services.fields().forEachRemaining(s -> {
            if (s.getValue().at("/environment/CONFIG_FILE").asText().equals("config-prod.yml")) {
                replicas.add(s.getKey());
            }
        });
        assertThat(replicas).hasSize(2);
        Matcher server = SERVER.matcher(config);
        List<String> servers = new ArrayList<>();
        while (server.find()) {
            servers.add(server.group(2));
            String appPort = services.at("/" + server.group(2) + "/environment/APP_PORT").asText();
            assertThat(server.group(3)).as("application port of %s", server.group(2)).isEqualTo(appPort);
        }
        assertThat(servers).containsExactlyInAnyOrderElementsOf(replicas);
        String readiness = ProjectFiles.yaml("config-prod.yml").at("/health/healthCheckUrlPaths/0").asText();
        assertThat(config).contains("option httpchk GET " + readiness + "?type=ready");
        String adminPort = services.at("/" + replicas.get(0) + "/environment/ADMIN_PORT").asText();
        assertThat(config).containsPattern("(?m)^\\s*default-server check port " + adminPort + " ");
    }

    /** Readiness goes down at SIGTERM; the replica must still serve until the balancer has seen it (fall checks, one interval apart, plus the first wait). */
    @Test
    void theBalancerNoticesAStoppingReplicaBeforeItStopsServing() throws Exception {
        String config = Files.readString(ProjectFiles.path(LoadBalancer.CONFIG));
        Matcher check = Pattern.compile("inter (\\d+)s fall (\\d+)").matcher(config);
        assertThat(check.find()).isTrue();
        long noticedWithin = Long.parseLong(check.group(1)) * (Long.parseLong(check.group(2)) + 1);
        String wait = ProjectFiles.yaml(PROD).at("/services/service/environment/SHUTDOWN_WAIT_PERIOD").asText();
        Matcher seconds = Pattern.compile(":-(\\d+)s}").matcher(wait);
        assertThat(seconds.find()).as(wait).isTrue();
        assertThat(Long.parseLong(seconds.group(1))).isGreaterThan(noticedWithin);
        assertThat(ProjectFiles.yaml(PROD).at("/services/service/stop_grace_period").asText()).isNotEmpty();
    }

    @Test
    void theBalancerIsTheStacksOneEntryForTheApi() throws Exception {
        JsonNode services = ProjectFiles.yaml(PROD).path("services");
        List<String> publishers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
            for (JsonNode port : service.getValue().path("ports")) {
                if (port.asText().endsWith(":8080")) {
                    publishers.add(service.getKey());
                }
            }
        }
        assertThat(publishers).containsExactly("haproxy");
        assertThat(services.at("/haproxy/ports/0").asText()).startsWith("127.0.0.1:");
    }
}
