package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.output.Generator;
import com.krleads.dashboards.output.GeneratorMain;
import com.krleads.metrics.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same bytes on every run, and the operators' five queries present in panels. */
class GoldenTest {
    /** A panel may add this matcher to a standard query; it is removed before comparing. */
    private static final String INSTANCE_MATCHER = Labels.INSTANCE + "=~\"$instance\"";

    @Test
    void twoRunsInOneJvmWriteIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        Generator.generate(first);
        Generator.generate(second);
        assertThat(contents(second)).isEqualTo(contents(first)).hasSize(9);
    }

    /** Another JVM has another hash seed: this catches any output that follows hash order. */
    @Test
    void aRunInAnotherJvmWritesIdenticalBytes(@TempDir Path here, @TempDir Path forked) throws Exception {
        Generator.generate(here);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GeneratorMain.class.getName(), "--out", forked.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(contents(forked)).isEqualTo(contents(here));
    }

    @Test
    void theFiveStandardQueriesAppearInPanels() throws IOException {
        List<String> normalized = GeneratedOutput.panelExpressions().stream().map(GoldenTest::normalize).toList();
        List<String> standard = standardQueries();
        assertThat(standard).hasSize(5);
        assertThat(normalized).containsAll(standard);
    }

    @Test
    void normalizingRemovesOnlyTheInstanceMatcher() {
        assertThat(normalize("sum(x{" + INSTANCE_MATCHER + "})")).isEqualTo("sum(x)");
        assertThat(normalize("sum(x{a=\"b\"," + INSTANCE_MATCHER + "})")).isEqualTo("sum(x{a=\"b\"})");
        assertThat(normalize("sum(x{a=\"b\"})")).isEqualTo("sum(x{a=\"b\"})");
    }

    static String normalize(String expr) {
        return expr.replace("{" + INSTANCE_MATCHER + "}", "").replace("," + INSTANCE_MATCHER, "");
    }

    private static List<String> standardQueries() throws IOException {
        try (InputStream in = GoldenTest.class.getResourceAsStream("/standard-queries.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
