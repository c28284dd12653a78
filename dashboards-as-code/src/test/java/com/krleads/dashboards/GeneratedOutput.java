package com.krleads.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.model.Json;
import com.krleads.dashboards.output.Generator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's output for tests, with the development defaults of {@link Settings} whatever
 * the environment of the test: written once per test JVM under target/, then read back.
 */
public final class GeneratedOutput {
    public static final Settings SETTINGS = Settings.defaults();

    private static Generator.Result result;

    private GeneratedOutput() {
    }

    public static synchronized Generator.Result result() {
        if (result == null) {
            result = Generator.generate(Path.of("target", "test-output", "grafana"), SETTINGS);
        }
        return result;
    }

    public static Path dir() {
        return result().out();
    }

    /** Each dashboard file, parsed, by file name. */
    public static Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        for (KrDashboard which : KrDashboard.values()) {
            Path file = dir().resolve(Generator.DASHBOARDS_DIR).resolve(which.fileName());
            try {
                dashboards.put(which.fileName(), Json.mapper().readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dashboards;
    }

    /** The visualization panels (not rows) of a parsed dashboard. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            if (!panel.get("type").asText().equals("row")) {
                panels.add(panel);
            }
        });
        return panels;
    }

    /** Every target expression of every panel of every dashboard, as written in the files. */
    public static List<String> panelExpressions() {
        List<String> exprs = new ArrayList<>();
        dashboards().values().forEach(d -> panels(d).forEach(p -> p.get("targets").forEach(t -> exprs.add(t.get("expr").asText()))));
        return exprs;
    }

    /** Every Prometheus annotation query of every dashboard (Grafana's built-in one has none). */
    public static List<String> annotationExpressions() {
        List<String> exprs = new ArrayList<>();
        dashboards().values().forEach(d -> d.get("annotations").get("list").forEach(a -> {
            if (a.has("expr")) {
                exprs.add(a.get("expr").asText());
            }
        }));
        return exprs;
    }

    public static String read(String relative) {
        try {
            return Files.readString(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
