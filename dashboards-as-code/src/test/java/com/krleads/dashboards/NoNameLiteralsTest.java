package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.KnownSeries;
import com.krleads.metrics.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No metric or label name is typed as a string literal in this module: queries are built from
 * the catalog, so a rename there breaks the build here. A literal is flagged when it contains a
 * name with an underscore anywhere, or any name in a PromQL or template position
 * ({@code name{}, name[, name=, by (name)}, {@code {{name}}}, {@code $labels.name}).
 */
class NoNameLiteralsTest {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void sourcesTypeNoCatalogNames() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> sources = javaSources();
        assertThat(sources).hasSizeGreaterThan(30);
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher literal = STRING_LITERAL.matcher(lines.get(i));
                while (literal.find()) {
                    String name = offendingName(literal.group(1));
                    if (name != null) {
                        offences.add(source.getFileName() + ":" + (i + 1) + " types " + name + " in " + literal.group());
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckFlagsNamesInQueriesLegendsAndTemplates() {
        String metric = KnownNames.metrics().iterator().next();
        assertThat(offendingName("sum(rate(" + metric + "[5m]))")).isEqualTo(metric);
        assertThat(offendingName("rate(x{" + Labels.JOB + "=\"a\"}[5m])")).isEqualTo(Labels.JOB);
        assertThat(offendingName("sum(x) by (" + Labels.STATUS + ")")).isEqualTo(Labels.STATUS);
        assertThat(offendingName("{{" + Labels.ENDPOINT + "}}")).isEqualTo(Labels.ENDPOINT);
        assertThat(offendingName("{{ $labels." + Labels.INSTANCE + " }}")).isEqualTo(Labels.INSTANCE);
        assertThat(offendingName(KnownSeries.UP.name() + "{")).isEqualTo(KnownSeries.UP.name());
        assertThat(offendingName("Requests by HTTP status code; 5xx in red.")).isNull();
        assertThat(offendingName("building up a backlog")).isNull();
    }

    static String offendingName(String literal) {
        for (String name : KnownNames.all()) {
            String word = "(?<![A-Za-z0-9_:$.])" + Pattern.quote(name) + "(?![A-Za-z0-9_])";
            if (name.contains("_") && Pattern.compile(word).matcher(literal).find()) {
                return name;
            }
            String code = word + "\\s*(=~|!~|!=|=|\\{|\\[)"
                    + "|\\{\\{\\s*" + Pattern.quote(name) + "\\s*}}"
                    + "|\\$labels\\." + Pattern.quote(name) + "(?![A-Za-z0-9_])"
                    + "|\\b(by|without|on|ignoring)\\s*\\([^)]*(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])";
            if (Pattern.compile(code).matcher(literal).find()) {
                return name;
            }
        }
        return null;
    }

    private static List<Path> javaSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            }
        }
        return sources;
    }
}
