package com.krleads.scraper.durability;

import com.krleads.testing.ChildProcess;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The application in a child JVM on the shipped {@code config.yml}, bound to 127.0.0.1 on a
 * port the kernel picks (read back from the log), so that a test can kill it like an operator's
 * {@code kill -9} would.
 */
final class AppProcess {
    private static final Pattern STARTED = Pattern.compile("Started application@\\S+\\{[^}]*}\\{[^:}]*:(\\d+)}");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ChildProcess process;
    private final int port;

    private AppProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code server config.yml} in {@code workDir} (where {@code ./data} is created). */
    static AppProcess start(Path workDir, Map<String, String> env, String logName) throws Exception {
        Path config = Paths.get("..", "config.yml").toAbsolutePath().normalize();
        List<String> command = ChildProcess.javaCommand(List.of("-Xmx256m",
                        "-Ddw.server.applicationConnectors[0].port=0",
                        "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1",
                        "-Ddw.server.adminConnectors[0].port=0",
                        "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1"),
                "com.krleads.scraper.LeadScraperApplication", "server", config.toString());
        Map<String, String> environment = new HashMap<>(env);
        environment.put("DEMO_ENABLED", "false");
        environment.put("WORKER_ENABLED", "false");
        ChildProcess process = ChildProcess.start("the application", command, workDir, environment, workDir.resolve(logName));
        try {
            int port = Integer.parseInt(process.awaitLog("the application's start", STARTED, START_TIMEOUT).group(1));
            return new AppProcess(process, port);
        } catch (Exception | AssertionError e) {
            process.kill();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL on Linux: no shutdown hook, no pool close, no H2 close. */
    void kill() throws InterruptedException {
        process.kill();
    }

    void stop() throws InterruptedException {
        process.close();
    }
}
