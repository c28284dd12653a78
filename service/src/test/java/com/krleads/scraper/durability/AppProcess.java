package com.krleads.scraper.durability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application in a child JVM on the shipped {@code config.yml}, bound to 127.0.0.1 on a
 * port the kernel picks (read back from the log), so that a test can kill it like an operator's
 * {@code kill -9} would.
 */
final class AppProcess {
    private static final Pattern STARTED = Pattern.compile("Started application@\\S+\\{[^}]*}\\{[^:}]*:(\\d+)}");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code server config.yml} in {@code workDir} (where {@code ./data} is created). */
    static AppProcess start(Path workDir, Map<String, String> env, String logName) throws Exception {
        Path config = Paths.get("..", "config.yml").toAbsolutePath().normalize();
        Path log = workDir.resolve(logName);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m",
                "-Ddw.server.applicationConnectors[0].port=0",
                "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1",
                "-Ddw.server.adminConnectors[0].port=0",
                "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1",
                "-cp", System.getProperty("java.class.path"),
                "com.krleads.scraper.LeadScraperApplication", "server", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("DEMO_ENABLED", "false");
        builder.environment().put("WORKER_ENABLED", "false");
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (started.find()) {
                return new AppProcess(process, log, Integer.parseInt(started.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not start within " + START_TIMEOUT + ": " + log);
    }

    int port() {
        return port;
    }

    /** SIGKILL on Linux: no shutdown hook, no pool close, no H2 close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application survived SIGKILL");
        }
    }

    void stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
