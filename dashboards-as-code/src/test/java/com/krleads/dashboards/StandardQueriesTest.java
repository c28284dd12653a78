package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operators' five standard queries are in panels (the bytes of every file: {@link GoldenFilesTest}). */
class StandardQueriesTest {
    /** Every panel selector carries these matchers; they are removed before comparing. */
    private static final String VARIABLE_MATCHERS = Labels.JOB + "=~\"$job\"," + Labels.INSTANCE + "=~\"$instance\"";
    private static final String OR_ZERO = " or 0 * ";
    private static final String GUARD = " > 0)";

    /**
     * Each standard query is in a panel, written the dashboards' way: with the job and instance
     * variables, Grafana's rate window for the operators' 5m, the selected range for lifetime
     * counters, and guarded ratios. {@link #normalize} undoes exactly those, nothing else.
     */
    @Test
    void theFiveStandardQueriesAppearInPanels() throws IOException {
        List<String> normalized = GeneratedOutput.panelExpressions().stream().map(StandardQueriesTest::normalize).toList();
        List<String> standard = standardQueries();
        assertThat(standard).hasSize(5);
        for (String query : standard) {
            assertThat(normalized).as(query).anyMatch(expr -> expr.contains(query));
        }
    }

    @Test
    void normalizingUndoesOnlyTheDashboardsWay() {
        assertThat(normalize("sum(x{" + VARIABLE_MATCHERS + "})")).isEqualTo("sum(x)");
        assertThat(normalize("sum(x{a=\"b\"," + VARIABLE_MATCHERS + "})")).isEqualTo("sum(x{a=\"b\"})");
        assertThat(normalize("sum(rate(x[$__rate_interval]))")).isEqualTo("sum(rate(x[5m]))");
        assertThat(normalize("sum(increase(x{a=\"b\"}[$__range]))")).isEqualTo("sum(x{a=\"b\"})");
        assertThat(normalize("(sum(a) or 0 * sum(rate(b[1m]))) / (sum(b) > 0) * 100")).isEqualTo("sum(a) / sum(b) * 100");
        assertThat(normalize("sum(x{a=\"b\"}) / sum(y)")).isEqualTo("sum(x{a=\"b\"}) / sum(y)");
        assertThat(normalize("rate(x[1h])")).isEqualTo("rate(x[1h])");
    }

    static String normalize(String expr) {
        String out = expr.replace("{" + VARIABLE_MATCHERS + "}", "").replace("," + VARIABLE_MATCHERS, "")
                .replace("[$__rate_interval]", "[5m]")
                .replaceAll("increase\\(([^\\[]*)\\[\\$__range]\\)", "$1");
        int or;
        while ((or = out.indexOf(OR_ZERO)) >= 0) {
            int open = matching(out, or, -1);
            int close = matching(out, or + OR_ZERO.length(), 1);
            out = out.substring(0, open) + out.substring(open + 1, or) + out.substring(close + 1);
        }
        int guard;
        while ((guard = out.indexOf(GUARD)) >= 0) {
            int open = matching(out, guard, -1);
            out = out.substring(0, open) + out.substring(open + 1, guard) + out.substring(guard + GUARD.length());
        }
        return out;
    }

    /** From {@code at}, the first parenthesis in direction {@code step} (-1 or 1) that is not balanced on the way. */
    private static int matching(String s, int at, int step) {
        int depth = 0;
        for (int i = at; i >= 0 && i < s.length(); i += step) {
            char c = s.charAt(i);
            if (c == (step < 0 ? ')' : '(')) {
                depth++;
            } else if (c == (step < 0 ? '(' : ')')) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new IllegalArgumentException("unbalanced: " + s);
    }

    private static List<String> standardQueries() throws IOException {
        try (InputStream in = StandardQueriesTest.class.getResourceAsStream("/standard-queries.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

}
