package com.krleads.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.dashboards.output.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated file (dashboards, provisioning, rules, rule tests, Alertmanager) is committed
 * under {@code src/test/resources/golden} and compared byte for byte, so every change to the
 * output shows in review. After an intended change, rewrite them with:
 *
 * <pre>./mvnw -B -pl dashboards-as-code -am test -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true</pre>
 *
 * and review {@code git diff}. The generator runs with the development defaults of
 * {@link Settings} (what an environment without deployment variables gets), so the golden files
 * are the same wherever the test runs; they were written by another JVM, so output that follows
 * one JVM's hash order shows as a difference.
 */
class GoldenFilesTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final String UPDATE = "golden.update";
    private static final String HOW_TO_UPDATE = "if the change is intended, rewrite the golden files with "
            + "-D" + UPDATE + "=true (see GoldenFilesTest) and review the diff";

    @Test
    void generatedFilesMatchTheCommittedGoldenFiles(@TempDir Path out) throws Exception {
        Generator.generate(out, Settings.defaults());
        Map<String, String> generated = contents(out);
        if (Boolean.getBoolean(UPDATE)) {
            rewrite(generated);
        }
        Map<String, String> golden = contents(GOLDEN);

        assertThat(generated.keySet()).as("generated files vs golden files; " + HOW_TO_UPDATE)
                .containsExactlyElementsOf(golden.keySet());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(file.getValue()).as(file.getKey() + " differs from its golden copy; " + HOW_TO_UPDATE)
                    .isEqualTo(golden.get(file.getKey()));
        }
    }

    private static void rewrite(Map<String, String> generated) throws IOException {
        if (Files.isDirectory(GOLDEN)) {
            List<Path> stale = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(GOLDEN)) {
                walk.filter(Files::isRegularFile).forEach(stale::add);
            }
            for (Path file : stale) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path target = GOLDEN.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }
}
