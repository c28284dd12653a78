package com.krleads.deployment;

import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import com.krleads.testing.RequiredTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's single-node VictoriaMetrics as the long-term store: it takes Prometheus remote_write on
 * {@code /api/v1/write} and answers PromQL (as MetricsQL) on {@code /api/v1/query} of the same port.
 */
final class VictoriaMetricsServer implements AutoCloseable {
    private final ChildProcess process;
    private final PrometheusApi api;
    private final String baseUrl;

    private VictoriaMetricsServer(ChildProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.api = new PrometheusApi(baseUrl);
    }

    static VictoriaMetricsServer start(Path workDir) throws Exception {
        int port = ChildProcess.freePort();
        ChildProcess process = ChildProcess.start("victoria-metrics", List.of(
                        RequiredTools.require("victoria-metrics", "victoria-metrics").toString(),
                        "-httpListenAddr=127.0.0.1:" + port,
                        "-storageDataPath=" + workDir.resolve("victoria-metrics-data"),
                        "-retentionPeriod=1d",
                        // The test asks about the last seconds: show samples as soon as they are stored,
                        // and never answer from the response cache, which assumes the past no longer changes.
                        "-search.latencyOffset=0s",
                        "-search.disableCache",
                        "-loggerLevel=WARN"),
                workDir, Map.of(), workDir.resolve("victoria-metrics.log"));
        VictoriaMetricsServer server = new VictoriaMetricsServer(process, "http://127.0.0.1:" + port);
        Await.until("VictoriaMetrics ready", Duration.ofSeconds(60), () -> server.api.status("/health") == 200, process);
        return server;
    }

    PrometheusApi api() {
        return api;
    }

    String remoteWriteUrl() {
        return baseUrl + "/api/v1/write";
    }

    /** Makes every sample received so far searchable at once (instead of within about a second). */
    void flush() throws Exception {
        api.status("/internal/force_flush");
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
