package com.krleads.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process of the packaged service jar ({@code service/target/kr-lead-scraper.jar}) started the way
 * an operator starts it: a shipped config file and environment variables. Its ports stay the same
 * across restarts, so a scrape target killed and started again is the same target.
 */
final class ServiceReplica implements Balanced, AutoCloseable {
    private final String name;
    private final String configFile;
    private final Map<String, String> environment;
    private final Path workDir;
    private final int appPort;
    private final int adminPort;
    private final ServiceApi api;
    private final ServiceApi admin;
    private ChildProcess process;
    private int starts;

    private ServiceReplica(String name, String configFile, Map<String, String> settings, Path workDir,
                           String apiToken) throws IOException {
        this.name = name;
        this.configFile = configFile;
        this.workDir = workDir;
        this.appPort = ChildProcess.freePort();
        this.adminPort = ChildProcess.freePort();
        this.environment = new HashMap<>(settings);
        // No balancer to wait for unless the test puts one in front (RollingWorld sets its own wait).
        environment.putIfAbsent("SHUTDOWN_WAIT_PERIOD", "0s");
        environment.put("APP_PORT", String.valueOf(appPort));
        environment.put("ADMIN_PORT", String.valueOf(adminPort));
        this.api = new ServiceApi("http://127.0.0.1:" + appPort, apiToken);
        this.admin = new ServiceApi("http://127.0.0.1:" + adminPort);
    }

    /** Launches the process; {@link #awaitHealthy()} waits for it. */
    static ServiceReplica launch(String name, String configFile, Map<String, String> settings, Path workDir)
            throws IOException {
        return launch(name, configFile, settings, workDir, null);
    }

    /** Launches the process, whose API is called with the API key {@code apiToken} (null: none). */
    static ServiceReplica launch(String name, String configFile, Map<String, String> settings, Path workDir,
                                 String apiToken) throws IOException {
        ServiceReplica replica = new ServiceReplica(name, configFile, settings, workDir, apiToken);
        replica.launch();
        return replica;
    }

    void launch() throws IOException {
        Path jar = ProjectFiles.path("service/target/kr-lead-scraper.jar");
        assertThat(jar).as("run after `mvn package` of the service").exists();
        starts++;
        process = ChildProcess.start(name, List.of(ChildProcess.java(), "-Xmx512m", "-jar", jar.toString(), "server", configFile),
                ProjectFiles.root(), environment, workDir.resolve(name + "-" + starts + ".log"));
    }

    void awaitHealthy() throws Exception {
        Await.until(name + " health check on the admin port", Duration.ofSeconds(120),
                () -> admin.up("/healthcheck"), process);
    }

    /** Readiness as the balancer sees it: 200 from {@code /health-check?type=ready} on the admin port. */
    void awaitReady() throws Exception {
        Await.until(name + " readiness on the admin port", Duration.ofSeconds(120),
                () -> admin.up("/health-check?type=ready"), process);
    }

    /** SIGTERM, as a deploy or {@code docker stop} sends it; waits until the process has stopped by itself. */
    void terminate(Duration limit) throws InterruptedException {
        process.terminate(limit);
    }

    @Override
    public int appPort() {
        return appPort;
    }

    @Override
    public int adminPort() {
        return adminPort;
    }

    /** The prefix of the lease owner of every job this process runs (the JVM's {@code pid@host}). */
    String leaseOwnerPrefix() {
        return process.pid() + "@";
    }

    /** SIGKILL: the process gets no chance to give its jobs back or to lower its gauges. */
    void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public String name() {
        return name;
    }

    ServiceApi api() {
        return api;
    }

    ServiceApi admin() {
        return admin;
    }

    /** The scrape target, {@code host:port} of the admin connector. */
    String target() {
        return "127.0.0.1:" + adminPort;
    }

    long pid() {
        return process.pid();
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
