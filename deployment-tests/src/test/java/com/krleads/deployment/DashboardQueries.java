package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every PromQL expression of every generated dashboard panel, with Grafana's variables filled in. */
final class DashboardQueries {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One panel target: where it comes from and the expression Prometheus will run. */
    record PanelQuery(String dashboard, String panel, String refId, String rawExpr, String expr) {
        String id() {
            return dashboard + " / " + panel + " / " + refId;
        }
    }

    private DashboardQueries() {
    }

    static List<PanelQuery> read(Path dashboardsDir) throws IOException {
        List<PanelQuery> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboardsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                collect(dashboard.path("title").asText(), dashboard.path("panels"), queries);
            }
        }
        return queries;
    }

    private static void collect(String dashboard, JsonNode panels, List<PanelQuery> into) {
        for (JsonNode panel : panels) {
            collect(dashboard, panel.path("panels"), into);
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    into.add(new PanelQuery(dashboard, panel.path("title").asText(), target.path("refId").asText(),
                            expr, substitute(expr)));
                }
            }
        }
    }

    /** What Grafana sends with "All" selected and a 5 minute range. */
    static String substitute(String expr) {
        return expr.replace("${instance:regex}", ".+")
                .replace("${instance}", ".+")
                .replace("$instance", ".+")
                .replace("$__rate_interval", "1m")
                .replace("$__interval", "15s")
                .replace("$__range", "5m");
    }
}
