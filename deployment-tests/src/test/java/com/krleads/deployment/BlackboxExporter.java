package com.krleads.deployment;

import com.krleads.dashboards.Settings;
import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import com.krleads.testing.RequiredTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's {@code prometheus-blackbox-exporter} on a free loopback port, with development's
 * module file: the probe's module is a GET of the API that succeeds on a 200. Prometheus scrapes {@code /probe?module=...&target=...}
 * on it, which probes the target as an outside client does.
 */
final class BlackboxExporter implements AutoCloseable {
    static final String MODULE = Settings.PROBE_MODULE;
    static final String TOOL = "prometheus-blackbox-exporter";

    private final ChildProcess process;
    private final String address;

    private BlackboxExporter(ChildProcess process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Development's module file (deploy/blackbox/blackbox.yml), the one compose mounts. */
    static BlackboxExporter start(Path workDir) throws Exception {
        Path tool = RequiredTools.require(TOOL, TOOL);
        Path config = ProjectFiles.path(ProbeConfigTest.moduleFile("docker-compose.yml"));
        String address = "127.0.0.1:" + ChildProcess.freePort();
        ChildProcess process = ChildProcess.start("blackbox", List.of(tool.toString(),
                "--config.file=" + config, "--web.listen-address=" + address), workDir, Map.of(),
                workDir.resolve("blackbox.log"));
        ServiceApi api = new ServiceApi("http://" + address);
        Await.until("blackbox exporter up", Duration.ofSeconds(30), () -> api.up("/-/healthy"), process);
        return new BlackboxExporter(process, address);
    }

    /** {@code host:port}, the address Prometheus's probe job scrapes. */
    String address() {
        return address;
    }

    /**
     * A Prometheus scrape job that probes {@code targetUrl} through this exporter: the target goes
     * to the {@code target} parameter and the {@code instance} label, the exporter is scraped.
     */
    String scrapeJob(String jobName, String targetUrl) {
        return """
                  - job_name: %s
                    metrics_path: /probe
                    params:
                      module: [%s]
                    static_configs:
                      - targets: ["%s"]
                    relabel_configs:
                      - source_labels: [__address__]
                        target_label: __param_target
                      - source_labels: [__param_target]
                        target_label: instance
                      - target_label: __address__
                        replacement: %s
                """.formatted(jobName, MODULE, targetUrl, address);
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
