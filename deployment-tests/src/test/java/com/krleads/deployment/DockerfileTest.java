package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Dockerfile cannot be built here (no Docker engine), so what can go wrong in it is read. */
class DockerfileTest {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void theBuildStageCopiesEveryModuleMavenNeedsToLoadTheReactor() throws Exception {
        String dockerfile = Files.readString(ProjectFiles.path("Dockerfile"));
        Matcher modules = MODULE.matcher(Files.readString(ProjectFiles.path("pom.xml")));
        List<String> missing = new ArrayList<>();
        while (modules.find()) {
            if (!dockerfile.contains("COPY " + modules.group(1) + " " + modules.group(1))) {
                missing.add(modules.group(1));
            }
        }
        assertThat(missing).as("modules the Dockerfile does not copy").isEmpty();
    }

    @Test
    void theRuntimeStageRunsAsANonRootUserWithAHealthCheckOnTheAdminPort() throws Exception {
        String runtime = Files.readString(ProjectFiles.path("Dockerfile")).split("\nFROM ")[2];
        assertThat(runtime).containsPattern("\nUSER (?!root)\\w+");
        assertThat(runtime).contains("HEALTHCHECK").contains("${ADMIN_PORT:-8081}/healthcheck");
        assertThat(runtime).contains("COPY config.yml config-prod.yml");
    }

    /** Later JVM options win, so the flag follows $JAVA_OPTS: compose's JAVA_OPTS cannot switch it off. */
    @Test
    void theJvmExitsOnOutOfMemoryWhateverJavaOptsSays() throws Exception {
        String runtime = Files.readString(ProjectFiles.path("Dockerfile")).split("\nFROM ")[2];
        String entrypoint = runtime.lines().filter(line -> line.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        assertThat(entrypoint).containsPattern("\\$JAVA_OPTS\\s+-XX:\\+ExitOnOutOfMemoryError\\s+-jar ");
    }
}
