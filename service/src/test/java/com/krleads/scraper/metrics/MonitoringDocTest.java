package com.krleads.scraper.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.MetricCatalog;
import com.krleads.metrics.MetricFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the metric reference table of docs/MONITORING.md in step with the catalog. */
class MonitoringDocTest {
    private static final Path DOC = Path.of("..", "docs", "MONITORING.md");

    @Test
    void referenceTableListsEveryFamilyExactlyAsTheCatalogDeclaresIt() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        List<String> expected = new ArrayList<>();
        Stream.concat(MetricCatalog.ALL.stream(), MetricCatalog.SELF.stream()).forEach(family -> expected.add(row(family)));

        List<String> tableRows = lines.stream()
                .filter(line -> line.startsWith("| `") && line.contains(" | counter | ") || line.startsWith("| `")
                        && (line.contains(" | gauge | ") || line.contains(" | histogram | ")))
                .toList();
        assertThat(tableRows).as("rows expected in %s:%n%s", DOC, String.join("\n", expected))
                .containsExactlyElementsOf(expected);
    }

    static String row(MetricFamily family) {
        String labels = family.labelNames().stream().map(l -> "`" + l + "`").collect(Collectors.joining(", "));
        String buckets = family.buckets().length == 0 ? "" : Arrays.stream(family.buckets())
                .mapToObj(b -> b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b))
                .collect(Collectors.joining(", "));
        return "| `" + family.name() + "` | " + family.type().exposition() + " | " + labels + " | " + buckets
                + " | " + family.help().replace("|", "\\|") + " |";
    }
}
