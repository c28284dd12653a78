package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The JSON lines that processes of the packaged jar wrote (production's layouts), read back. */
final class JsonLogs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLogs() {
    }

    /** Every JSON line of every file in {@code dir} whose name starts with {@code prefix}. */
    static List<JsonNode> read(Path dir, String prefix) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                lines.addAll(read(file));
            }
        }
        return lines;
    }

    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
