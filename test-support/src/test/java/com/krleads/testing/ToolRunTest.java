package com.krleads.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot runs through the POSIX shell, which every machine that runs these tests has. */
class ToolRunTest {
    @Test
    void givesTheExitCodeAndBothOutputStreams() throws Exception {
        ToolRun.Result result = ToolRun.of("sh", "-c", "echo out; echo err >&2; exit 3").run();

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.output().lines()).containsExactlyInAnyOrder("out", "err");
    }

    @Test
    void passesTheDirectoryTheEnvironmentAndTheInput(@TempDir Path dir) throws Exception {
        ToolRun.Result result = ToolRun.of("sh", "-c", "pwd; echo \"$GREETING\"; cat")
                .in(dir).env("GREETING", "hello").input("from stdin\n").run();

        assertThat(result.exit()).isZero();
        assertThat(result.output().lines()).containsExactly(dir.toRealPath().toString(), "hello", "from stdin");
    }

    @Test
    void theLastLineIsTheAnswerAfterAnyWarning() throws Exception {
        assertThat(ToolRun.of("sh", "-c", "echo warning; echo answer; echo").run().lastLine()).isEqualTo("answer");
    }

    @Test
    void aToolPastItsLimitIsKilledAndTheRunFails() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> ToolRun.of("sh", "-c", "echo begun; exec sleep 60").within(Duration.ofMillis(500)).run())
                .isInstanceOf(AssertionError.class).hasMessageContaining("begun");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void toolsStartedTogetherFinishSeparately() throws Exception {
        ToolRun.Running first = ToolRun.of("sh", "-c", "echo one").start();
        ToolRun.Running second = ToolRun.of("sh", "-c", "echo two; exit 1").start();

        assertThat(second.finish()).isEqualTo(new ToolRun.Result(1, "two\n"));
        assertThat(first.finish()).isEqualTo(new ToolRun.Result(0, "one\n"));
    }
}
