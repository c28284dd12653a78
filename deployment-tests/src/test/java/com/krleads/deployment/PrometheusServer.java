package com.krleads.deployment;

import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import com.krleads.testing.RequiredTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Debian's Prometheus on a free loopback port, with a config written by the test. */
final class PrometheusServer implements AutoCloseable {
    private final ChildProcess process;
    private final PrometheusApi api;
    private final String baseUrl;

    private PrometheusServer(ChildProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.api = new PrometheusApi(baseUrl);
    }

    /** Starts Prometheus with {@code config} as its configuration file and waits until it is ready. */
    static PrometheusServer start(String name, Path workDir, String config, String... extraFlags) throws Exception {
        Path configFile = workDir.resolve(name + ".yml");
        Files.writeString(configFile, config);
        int port = ChildProcess.freePort();
        List<String> command = new ArrayList<>(List.of(
                RequiredTools.require("prometheus", "prometheus").toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + workDir.resolve(name + "-data"),
                "--web.listen-address=127.0.0.1:" + port));
        command.addAll(List.of(extraFlags));
        ChildProcess process = ChildProcess.start(name, command, workDir, Map.of(), workDir.resolve(name + ".log"));
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port);
        Await.until(name + " ready", Duration.ofSeconds(60), server.api::ready, process);
        return server;
    }

    PrometheusApi api() {
        return api;
    }

    /** Where a remote_write sender posts to a Prometheus started with {@code --web.enable-remote-write-receiver}. */
    String remoteWriteUrl() {
        return baseUrl + "/api/v1/write";
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.close();
    }
}
