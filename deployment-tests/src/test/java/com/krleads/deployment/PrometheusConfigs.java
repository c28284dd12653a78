package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** The Prometheus configurations the end-to-end worlds run: compose's jobs, faster, with the generated rules. */
final class PrometheusConfigs {
    private PrometheusConfigs() {
    }

    /**
     * Compose's scrape job of the service (same name and path, deploy/prometheus/prometheus.yml)
     * on {@code target}, scraping and evaluating the generated rules every {@code seconds}.
     */
    static String serviceWithGeneratedRules(long seconds, String target) throws Exception {
        JsonNode job = ProjectFiles.yaml("deploy/prometheus/prometheus.yml").at("/scrape_configs/0");
        Path rules = ProjectFiles.path("dashboards-as-code/target/grafana/prometheus/rules");
        return """
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                rule_files:
                  - %s/*.yml
                scrape_configs:
                  - job_name: %s
                    metrics_path: %s
                    static_configs:
                      - targets: ["%s"]
                """.formatted(seconds, seconds, rules, job.path("job_name").asText(), job.path("metrics_path").asText(),
                target);
    }
}
