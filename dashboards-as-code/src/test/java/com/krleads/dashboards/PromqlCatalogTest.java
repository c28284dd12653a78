package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.output.Generator;
import com.krleads.dashboards.output.Yaml;
import com.krleads.dashboards.query.PromqlNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every expression written to the output uses only catalog families, known series and their labels. */
class PromqlCatalogTest {
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*), *([a-zA-Z_][a-zA-Z0-9_]*)\\)");

    @Test
    void panelExpressionsUseOnlyKnownNames() {
        List<String> exprs = GeneratedOutput.panelExpressions();
        assertThat(exprs).hasSizeGreaterThan(40);
        assertThat(problems(exprs)).isEmpty();
    }

    @Test
    void annotationExpressionsUseOnlyKnownNames() {
        List<String> exprs = GeneratedOutput.annotationExpressions();
        assertThat(exprs).hasSize(2 * KrDashboard.values().length);
        assertThat(problems(exprs)).isEmpty();
    }

    @Test
    void ruleExpressionsUseOnlyKnownNames() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (String file : List.of(Generator.RECORDING_RULES_FILE, Generator.ALERT_RULES_FILE)) {
            JsonNode rules = Yaml.mapper().readTree(GeneratedOutput.read(file));
            rules.get("groups").forEach(g -> g.get("rules").forEach(r -> exprs.add(r.get("expr").asText())));
        }
        assertThat(exprs).hasSize(117 + 32);
        assertThat(problems(exprs)).isEmpty();
    }

    @Test
    void variableQueriesUseOnlyKnownNames() {
        for (JsonNode dashboard : GeneratedOutput.dashboards().values()) {
            List<String> queries = new ArrayList<>();
            dashboard.get("templating").get("list").forEach(v -> {
                if (v.get("type").asText().equals("query")) {
                    queries.add(v.get("query").asText());
                }
            });
            boolean scraping = dashboard.get("uid").asText().equals(KrDashboard.SCRAPING_STATISTICS.uid());
            assertThat(queries).as("job, instance and, on Scraping Statistics, source").hasSize(scraping ? 3 : 2);
            for (String query : queries) {
                Matcher m = LABEL_VALUES.matcher(query);
                assertThat(m.matches()).as(query).isTrue();
                assertThat(problems(List.of(m.group(1)))).isEmpty();
                assertThat(KnownNames.labels()).contains(m.group(2));
            }
        }
    }

    @Test
    void aRenamedMetricOrLabelIsReported() {
        String typo = GeneratedOutput.panelExpressions().get(0).replace("_total", "_totl");
        assertThat(problems(List.of(typo))).anyMatch(p -> p.startsWith("unknown metric"));
        assertThat(problems(List.of("sum(rate(" + KnownNames.metrics().iterator().next() + "[5m])) by (endpiont)")))
                .containsExactly("unknown label endpiont in sum(rate(" + KnownNames.metrics().iterator().next() + "[5m])) by (endpiont)");
    }

    private static List<String> problems(List<String> exprs) {
        List<String> problems = new ArrayList<>();
        exprs.forEach(e -> problems.addAll(PromqlNames.problems(e, KnownNames.metrics(), KnownNames.labels(), KnownNames.FUNCTIONS)));
        return problems;
    }
}
