package com.krleads.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process that a test starts (the service in its own JVM, a Debian server such as
 * Prometheus or HAProxy) and stops by its own PID, with its output in a log file.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir} with {@code env} added to this JVM's environment. */
    public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ChildProcess(name, pb.start(), log);
    }

    /** The command that runs {@code mainClass} in a new JVM of this JVM's Java, on this JVM's class path. */
    public static List<String> javaCommand(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The {@code java} executable of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A loopback port free at the time of the call, for a child that cannot pick its own. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String describe() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }

    /**
     * Waits until a line of the log matches {@code pattern} and returns that match; fails early
     * (with the log's tail) when the process exits first.
     */
    public Matcher awaitLog(String what, Pattern pattern, Duration limit) throws Exception {
        Await.until(what, limit, () -> pattern.matcher(Files.readString(log)).find(), this);
        Matcher match = pattern.matcher(Files.readString(log));
        if (!match.find()) {
            throw new IllegalStateException(describe() + ": the log no longer matches " + pattern);
        }
        return match;
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(describe() + " survived SIGKILL");
        }
    }

    /** SIGTERM, then waits for the process to stop by itself within {@code limit}; fails when it does not. */
    public void terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(describe() + " still running " + limit.toSeconds() + " s after SIGTERM");
        }
    }

    /** SIGTERM; SIGKILL when the process is still running 20 s later. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
