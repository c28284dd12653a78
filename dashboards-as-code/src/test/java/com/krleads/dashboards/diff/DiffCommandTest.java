package com.krleads.dashboards.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.krleads.dashboards.Dashboards;
import com.krleads.dashboards.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiffCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURES = Path.of("target", "diff-fixtures");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    static List<JsonNode> generated() {
        return Dashboards.all().values().stream().map(d -> (JsonNode) Json.mapper().valueToTree(d)).toList();
    }

    /** Both export forms of every generated dashboard. */
    static Stream<Arguments> exports() {
        List<Arguments> exports = new ArrayList<>();
        for (JsonNode dashboard : generated()) {
            String uid = dashboard.path("uid").asText();
            exports.add(Arguments.of(uid + " plain", GrafanaExport.plain(dashboard, uid.hashCode())));
            exports.add(Arguments.of(uid + " external", GrafanaExport.forSharingExternally(dashboard, uid.hashCode())));
        }
        return exports.stream();
    }

    /** The generated dashboard with the most panels, exported, before any edit. */
    static Stream<Arguments> exportForms() {
        JsonNode largest = generated().stream()
                .max((a, b) -> Integer.compare(a.path("panels").size(), b.path("panels").size())).orElseThrow();
        return Stream.of(Arguments.of("plain", GrafanaExport.plain(largest, 7)),
                Arguments.of("external", GrafanaExport.forSharingExternally(largest, 7)));
    }

    Run diff(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DiffCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    Path file(String name, JsonNode content) throws IOException {
        return file(name, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(content));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void anUntouchedExportHasNoChange(String name, ObjectNode export) throws IOException {
        Run run = diff(file("export.json", export).toString());

        assertThat(run.out()).isEmpty();
        assertThat(run.status()).isEqualTo(DiffCommand.NO_CHANGES);
        assertThat(run.err()).startsWith("no changes from the generated dashboard ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exportForms")
    void fourEditsGiveExactlyFourLines(String form, ObjectNode export) throws IOException {
        FourChanges edits = new FourChanges(export);
        // Kept under target/ so the report can be seen with the jar or `make dashboard-diff`.
        Files.createDirectories(FIXTURES);
        Files.writeString(FIXTURES.resolve(form + "-four-changes.json"), MAPPER.writeValueAsString(export));

        Run run = diff(file("export.json", export).toString());

        assertThat(run.lines()).containsExactlyElementsOf(edits.expectedLines);
        assertThat(run.status()).isEqualTo(DiffCommand.CHANGES);
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exportForms")
    void jsonReportParsesAndHoldsTheSameChanges(String form, ObjectNode export) throws IOException {
        FourChanges edits = new FourChanges(export);

        Run run = diff("--json", file("export.json", export).toString());

        JsonNode report = MAPPER.readTree(run.out());
        assertThat(run.status()).isEqualTo(DiffCommand.CHANGES);
        assertThat(report.path("uid").asText()).isEqualTo(export.path("uid").asText());
        List<String> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        report.path("changes").forEach(c -> {
            kinds.add(c.path("kind").asText());
            texts.add(c.path("text").asText());
        });
        assertThat(kinds).containsExactly("panel-changed", "panel-changed", "panel-removed", "panel-added");
        assertThat(texts).containsExactlyElementsOf(edits.expectedLines);
        JsonNode expr = report.path("changes").get(0);
        assertThat(expr.path("field").asText()).endsWith(" expr");
        assertThat(expr.path("new").asText()).isEqualTo("(" + expr.path("old").asText() + ") * 2");
    }

    @Test
    void anUntouchedExportGivesAnEmptyJsonList() throws IOException {
        JsonNode dashboard = generated().get(0);
        Run run = diff("--json", file("export.json", GrafanaExport.forSharingExternally(dashboard, 3)).toString());

        assertThat(run.status()).isEqualTo(DiffCommand.NO_CHANGES);
        assertThat(MAPPER.readTree(run.out()).path("changes").isArray()).isTrue();
        assertThat(MAPPER.readTree(run.out()).path("changes")).isEmpty();
    }

    @Test
    void theTitleFindsTheDashboardWhenTheUidIsUnknown() throws IOException {
        ObjectNode export = GrafanaExport.plain(generated().get(0), 5);
        export.put("uid", "copied-by-hand");

        Run run = diff(file("export.json", export).toString());

        assertThat(run.status()).isEqualTo(DiffCommand.NO_CHANGES);
    }

    @Test
    void aCopySavedInGrafanaIsFoundByItsTitle() throws IOException {
        JsonNode dashboard = generated().get(0);
        ObjectNode export = GrafanaExport.plain(dashboard, 6);
        export.put("uid", "b7f3k2xq").put("title", dashboard.path("title").asText() + " Copy");
        export.put("editable", true);

        Run run = diff(file("copy.json", export).toString());

        assertThat(run.lines()).containsExactly("dashboard: title: " + MAPPER.writeValueAsString(dashboard.path("title").asText())
                + " -> " + MAPPER.writeValueAsString(dashboard.path("title").asText() + " Copy"));
    }

    @Test
    void theHttpApiEnvelopeIsUnwrapped() throws IOException {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.set("dashboard", GrafanaExport.plain(generated().get(0), 9));
        envelope.putObject("meta").put("provisioned", true);

        assertThat(diff(file("export.json", envelope).toString()).status()).isEqualTo(DiffCommand.NO_CHANGES);
    }

    @Nested
    class BadFiles {
        void assertBad(Path file, String reason) {
            Run run = diff(file.toString());
            assertThat(run.status()).isEqualTo(DiffCommand.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("diff: " + file + ": " + reason);
            assertThat(run.err().strip()).doesNotContain("\n");
        }

        @Test
        void notJson() throws IOException {
            assertBad(file("bad.json", "{\"title\": \"x\", panels: ["), "not JSON: ");
        }

        @Test
        void empty() throws IOException {
            assertBad(file("empty.json", ""), "not JSON: the file is empty");
        }

        @Test
        void jsonButNotADashboard() throws IOException {
            assertBad(file("list.json", "[1, 2, 3]"), "not a Grafana dashboard");
            assertBad(file("object.json", "{\"apiVersion\": 1, \"datasources\": []}"), "not a Grafana dashboard");
        }

        @Test
        void noGeneratedDashboardWithThatUidOrTitle() throws IOException {
            ObjectNode export = GrafanaExport.plain(generated().get(0), 1);
            export.put("uid", "someone-elses").put("title", "Someone else's dashboard");

            assertBad(file("other.json", export), "no generated dashboard with uid \"someone-elses\" or title "
                    + "\"Someone else's dashboard\" (generated: ");
        }

        @Test
        void missingFile() {
            assertBad(dir.resolve("nowhere.json"), "no such file");
        }

        @Test
        void badArguments() {
            Run run = diff();
            assertThat(run.status()).isEqualTo(DiffCommand.BAD_INPUT);
            assertThat(run.err().strip()).isEqualTo(DiffCommand.USAGE);
            assertThat(diff("a.json", "b.json").status()).isEqualTo(DiffCommand.BAD_INPUT);
        }
    }
}
