package com.krleads.dashboards.diff;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a dashboard exported from Grafana: the plain export, the one for sharing externally, or the HTTP API's envelope. */
public final class ExportFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExportFile() {
    }

    public static JsonNode read(Path file) throws BadExportException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadExportException("no such file");
        } catch (IOException e) {
            throw new BadExportException("cannot read the file: " + e.getMessage());
        }
        return parse(text);
    }

    public static JsonNode parse(String text) throws BadExportException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new BadExportException("not JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new BadExportException("not JSON: the file is empty");
        }
        // GET /api/dashboards/uid/... wraps the dashboard in {"dashboard": ..., "meta": ...}.
        if (root.path("dashboard").isObject() && root.has("meta")) {
            root = root.get("dashboard");
        }
        if (!root.isObject() || !root.path("panels").isArray() || !root.path("title").isTextual()) {
            throw new BadExportException("not a Grafana dashboard: expected a JSON object with \"title\" and a \"panels\" list");
        }
        return root;
    }

    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.strip();
    }
}
