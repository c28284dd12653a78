package com.krleads.dashboards;

import static com.krleads.testing.RequiredTools.requireThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.krleads.dashboards.model.Json;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grafana's JSON Schemas, read from the folder named by the system property
 * {@code grafana.schema.dir} (never copied into the project). Absent, tests fail under CI and skip elsewhere.
 */
final class GrafanaSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Path dir;
    private final Map<String, Schema> cache = new HashMap<>();

    private GrafanaSchemas(Path dir) {
        this.dir = dir;
    }

    /** The schemas; absent, the test fails under CI and is skipped elsewhere, saying where they were looked for. */
    static GrafanaSchemas require() {
        String property = System.getProperty("grafana.schema.dir");
        requireThat(property != null, "the system property grafana.schema.dir is not set (the root pom sets it)");
        Path dir = Path.of(property);
        requireThat(Files.isRegularFile(dir.resolve("dashboard.jsonschema.json")),
                "no Grafana JSON Schemas in " + dir.toAbsolutePath() + " (../shared/grafana-schema beside the checkout)");
        return new GrafanaSchemas(dir);
    }

    boolean hasFile(String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    boolean hasDefinition(String file, String definition) {
        return read(file).path("definitions").has(definition);
    }

    /** Errors of {@code node} against {@code #/definitions/<definition>} of {@code file}, or its root when null. */
    List<String> validate(String file, String definition, JsonNode node) {
        Schema schema = cache.computeIfAbsent(file + "#" + definition, key -> {
            ObjectNode root = read(file).deepCopy();
            if (definition != null) {
                root.put("$ref", "#/definitions/" + definition);
            }
            return REGISTRY.getSchema(root);
        });
        return schema.validate(node).stream().map(Error::toString).toList();
    }

    /** The unit ids Grafana knows: every {@code const} of units.jsonschema.json. */
    Set<String> units() {
        Set<String> units = new TreeSet<>();
        read("units.jsonschema.json").path("definitions").forEach(def -> {
            if (def.has("const")) {
                units.add(def.get("const").asText());
            }
        });
        return units;
    }

    private JsonNode read(String file) {
        try {
            return corrected(Json.mapper().readTree(dir.resolve(file).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One known slip of the schema generator, undone: an override property's {@code value} is
     * "any value" in Grafana's model (the CUE kind's {@code value?: _}; the foundation SDK types
     * it {@code any} and sets units as strings), but the generated JSON Schema says "object",
     * which would forbid the commonest override of all, a unit. Everything else about overrides
     * (an {@code id}, no other keys) is still checked.
     */
    static JsonNode corrected(JsonNode schema) {
        JsonNode properties = schema.path("definitions").path("DynamicConfigValue").path("properties");
        if (properties.has("value")) {
            ((ObjectNode) properties).putObject("value");
        }
        return schema;
    }
}
