package com.krleads.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long-running children through the POSIX shell: started, awaited on their log, stopped by PID. */
class ChildProcessTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @Test
    void awaitsALogLineAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        try (ChildProcess child = ChildProcess.start("child", List.of("sh", "-c", "echo \"listening on $PORT\"; exec sleep 60"),
                dir, Map.of("PORT", "4711"), dir.resolve("child.log"))) {
            Matcher listening = child.awaitLog("the port", Pattern.compile("listening on (\\d+)"), LIMIT);

            assertThat(listening.group(1)).isEqualTo("4711");
            child.terminate(LIMIT);
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void killEndsAChildThatIgnoresSigterm(@TempDir Path dir) throws Exception {
        try (ChildProcess child = ChildProcess.start("stubborn", List.of("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done"),
                dir, Map.of(), dir.resolve("stubborn.log"))) {
            child.awaitLog("ready", Pattern.compile("ready"), LIMIT);

            assertThatThrownBy(() -> child.terminate(Duration.ofSeconds(2))).isInstanceOf(IllegalStateException.class);
            child.kill();
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void awaitingFailsEarlyWithTheLogWhenTheChildExits(@TempDir Path dir) throws Exception {
        try (ChildProcess child = ChildProcess.start("short-lived", List.of("sh", "-c", "echo cannot bind; exit 1"),
                dir, Map.of(), dir.resolve("short-lived.log"))) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> Await.until("never", LIMIT, () -> false, child))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("cannot bind");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LIMIT);
        }
    }

    @Test
    void theJavaCommandRunsAMainOnThisClassPath(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("java.log");
        try (ChildProcess child = ChildProcess.start("java", ChildProcess.javaCommand(List.of("-Xmx64m"),
                PrintsItsArguments.class.getName(), "a", "b"), dir, Map.of(), log)) {
            Await.until("the JVM's end", LIMIT, () -> !child.isAlive());
        }
        assertThat(Files.readString(log)).isEqualTo("a b\n");
    }

    /** The main the child JVM runs. */
    public static final class PrintsItsArguments {
        public static void main(String[] args) {
            System.out.println(String.join(" ", args));
        }
    }
}
