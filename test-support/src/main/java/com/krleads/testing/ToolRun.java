package com.krleads.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command-line tool (promtool, amtool, haproxy -c, docker-compose config, ...) to its
 * end: its exit code and its output, standard output and error together. The output goes to a
 * file rather than a pipe, so a tool that writes much never blocks and a hung one is stopped at
 * the time limit.
 */
public final class ToolRun {
    private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    private final List<String> command;
    private final Map<String, String> environment = new HashMap<>();
    private Path directory;
    private String input;
    private Duration limit = DEFAULT_LIMIT;

    private ToolRun(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static ToolRun of(String... command) {
        return new ToolRun(List.of(command));
    }

    public static ToolRun of(List<String> command) {
        return new ToolRun(command);
    }

    /** The working directory (by default this JVM's). */
    public ToolRun in(Path directory) {
        this.directory = directory;
        return this;
    }

    /** A variable added to the environment the tool inherits from this JVM. */
    public ToolRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Text written to the tool's standard input, which is then closed. */
    public ToolRun input(String text) {
        this.input = text;
        return this;
    }

    /** How long the tool may run (60 s unless set); past it the tool is killed and the run fails. */
    public ToolRun within(Duration limit) {
        this.limit = limit;
        return this;
    }

    /** Runs the tool and waits for its end. */
    public Result run() throws IOException, InterruptedException {
        return start().finish();
    }

    /** Starts the tool; {@link Running#finish()} waits for it (several tools may run at once). */
    public Running start() throws IOException {
        Path output = Files.createTempFile("tool-run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Running(command.get(0), process, output, limit);
    }

    /** A tool started by {@link #start()}. */
    public static final class Running {
        private final String tool;
        private final Process process;
        private final Path output;
        private final Duration limit;

        private Running(String tool, Process process, Path output, Duration limit) {
            this.tool = tool;
            this.process = process;
            this.output = output;
            this.limit = limit;
        }

        /** Waits for the tool's end; fails when it runs past its time limit. */
        public Result finish() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(tool + " did not finish within " + limit.toSeconds() + " s:\n" + read());
                }
                return new Result(process.exitValue(), read());
            } finally {
                Files.deleteIfExists(output);
            }
        }

        private String read() throws IOException {
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        }
    }

    /** The exit code and the output (standard output and error together) of a finished run. */
    public record Result(int exit, String output) {
        /** The last line that is not blank (a tool may print warnings before its answer). */
        public String lastLine() {
            return output.strip().lines().reduce((first, second) -> second).orElse("");
        }
    }
}
