package com.krleads.deployment;

import com.krleads.testing.Await;
import com.krleads.testing.ChildProcess;
import com.krleads.testing.RequiredTools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's HAProxy on loopback with the shipped {@code deploy/haproxy/haproxy.cfg}, changed only where
 * a test machine differs from the compose network: loopback addresses and free ports instead of the
 * compose names, no Docker DNS, and checks every {@link #CHECK_INTERVAL} (the replicas' shutdown wait
 * is shortened by the same factor). Retries, redispatch and the readiness check are the shipped ones.
 */
final class LoadBalancer implements AutoCloseable {
    static final String CONFIG = "deploy/haproxy/haproxy.cfg";
    static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    private static final Pattern SERVER = Pattern.compile("(?m)^\\s*server\\s+\\S+\\s+\\S+.*\\R");
    private static final Pattern RESOLVERS_SECTION = Pattern.compile("(?ms)^resolvers .*?(?=^\\S|\\z)");

    private final ChildProcess process;
    private final int port;
    private final int statsPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private LoadBalancer(ChildProcess process, int port, int statsPort) {
        this.process = process;
        this.port = port;
        this.statsPort = statsPort;
    }

    static LoadBalancer start(Path workDir, List<? extends Balanced> replicas) throws Exception {
        Path haproxy = RequiredTools.require("haproxy", "haproxy");
        int port = ChildProcess.freePort();
        int statsPort = ChildProcess.freePort();
        Path config = workDir.resolve("haproxy.cfg");
        Files.writeString(config, testConfig(Files.readString(ProjectFiles.path(CONFIG)), port, statsPort, replicas));
        ChildProcess process = ChildProcess.start("haproxy", List.of(haproxy.toString(), "-db", "-f", config.toString()),
                workDir, Map.of(), workDir.resolve("haproxy.log"));
        LoadBalancer balancer = new LoadBalancer(process, port, statsPort);
        Await.until("haproxy routing to every replica", Duration.ofSeconds(30),
                () -> balancer.serverStates().values().stream().filter("UP"::equals).count() == replicas.size(), process);
        return balancer;
    }

    /** The shipped configuration with loopback servers (the replicas' own names) and ports. */
    static String testConfig(String shipped, int port, int statsPort, List<? extends Balanced> replicas) {
        StringBuilder servers = new StringBuilder();
        for (Balanced replica : replicas) {
            servers.append("    server ").append(replica.name()).append(" 127.0.0.1:").append(replica.appPort())
                    .append(" port ").append(replica.adminPort()).append('\n');
        }
        String config = RESOLVERS_SECTION.matcher(shipped).replaceAll("");
        Matcher server = SERVER.matcher(config);
        if (!server.find()) {
            throw new IllegalStateException(CONFIG + " declares no server");
        }
        config = config.substring(0, server.start()) + servers + SERVER.matcher(config.substring(server.start())).replaceAll("");
        return replaceOnce(replaceOnce(replaceOnce(replaceOnce(config,
                "bind :8080", "bind 127.0.0.1:" + port),
                "bind :8404", "bind 127.0.0.1:" + statsPort),
                " resolvers docker init-addr last,libc,none", ""),
                " inter 2s ", " inter " + CHECK_INTERVAL.toMillis() + "ms ");
    }

    private static String replaceOnce(String text, String from, String to) {
        if (!text.contains(from)) {
            throw new IllegalStateException(CONFIG + " no longer contains '" + from.strip() + "'");
        }
        return text.replace(from, to);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Each replica's state in the balancer (UP, DOWN, ...), from the stats page's CSV. */
    Map<String, String> serverStates() throws IOException, InterruptedException {
        Map<String, String> states = new HashMap<>();
        for (Map<String, String> row : stats()) {
            if (row.get("pxname").equals("replicas") && !row.get("svname").equals("BACKEND")) {
                states.put(row.get("svname"), row.get("status"));
            }
        }
        return states;
    }

    /** One row per proxy and server of the stats CSV, by column name (HAProxy's own counters). */
    List<Map<String, String>> stats() throws IOException, InterruptedException {
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + statsPort + "/stats;csv")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> lines = csv.body().lines().toList();
        String[] header = lines.get(0).replaceFirst("^# ", "").split(",", -1);
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            return row;
        }).toList();
    }

    /** A server counter of the stats CSV (e.g. {@code wretr} retries, {@code wredis} redispatches). */
    long counter(String server, String column) throws IOException, InterruptedException {
        return stats().stream().filter(r -> r.get("pxname").equals("replicas") && r.get("svname").equals(server))
                .mapToLong(r -> r.get(column).isEmpty() ? 0 : Long.parseLong(r.get(column))).sum();
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
