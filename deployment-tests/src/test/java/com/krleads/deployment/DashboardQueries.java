package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.krleads.dashboards.Settings;
import com.krleads.metrics.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Every PromQL expression of every generated dashboard panel, with Grafana's variables filled in. */
final class DashboardQueries {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What Grafana would put in on this test's Prometheus: {@code $__rate_interval} is four scrape
     * intervals (Grafana's floor, from the datasource's timeInterval), the range is the whole run,
     * the job is the compose job's name and All instances (and sources) is {@code .+}.
     */
    static final Map<String, String> VARIABLES = Map.of(
            "__rate_interval", (4 * E2eStack.SCRAPE_INTERVAL_SECONDS) + "s",
            "__interval", E2eStack.SCRAPE_INTERVAL_SECONDS + "s",
            "__range", "5m",
            Labels.JOB, Settings.SCRAPE_JOB,
            Labels.INSTANCE, ".+",
            Labels.SOURCE, ".+",
            Settings.DATASOURCE_VARIABLE, Settings.DATASOURCE_UID);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");

    /**
     * One panel target: where it comes from, the expression Prometheus will run, whether Grafana
     * runs it as an instant query, and the text its panel shows when it returns nothing.
     */
    record PanelQuery(String dashboard, String panel, String refId, String rawExpr, String expr, boolean instant,
                      String noValue) {
        String id() {
            return dashboard + " / " + panel + " / " + refId;
        }

        /** The expression with {@code variables} put in instead of {@link #VARIABLES}. */
        String expr(Map<String, String> variables) {
            return substitute(rawExpr, variables);
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
                            expr, substitute(expr), target.path("instant").asBoolean(),
                            panel.at("/fieldConfig/defaults/noValue").asText("")));
                }
            }
        }
    }

    /** {@link #VARIABLES} put in; an unknown variable is left as it is, so the query fails loudly. */
    static String substitute(String expr) {
        return substitute(expr, VARIABLES);
    }

    /**
     * {@link #VARIABLES} with the time variables Grafana derives from a datasource whose
     * {@code timeInterval} is the scrape interval s, over a dashboard range short enough that
     * {@code $__interval} is Grafana's floor s: {@code $__rate_interval} = max($__interval + s, 4 s).
     */
    static Map<String, String> variables(Duration scrapeInterval, Duration range) {
        long s = scrapeInterval.toSeconds();
        Map<String, String> variables = new HashMap<>(VARIABLES);
        variables.put("__interval", s + "s");
        variables.put("__rate_interval", Math.max(s + s, 4 * s) + "s");
        variables.put("__range", range.toSeconds() + "s");
        return variables;
    }

    private static String substitute(String expr, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(name, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
