package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Files of the repository that the deployment tests read. */
final class ProjectFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::?[-?][^}]*)?}");

    private ProjectFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /**
     * The file as a tree, read by SnakeYAML (what Jackson's YAML support is built on) because it
     * resolves anchors and merge keys ({@code <<: *service}) as Docker Compose does; Jackson's
     * parser would leave them unresolved.
     */
    static JsonNode yaml(String relative) throws IOException {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(path(relative)));
        return YAML.valueToTree(tree);
    }

    /** The environment variables a file reads through {@code ${VAR}} / {@code ${VAR:-default}}. */
    static Set<String> environmentReferences(String relative) throws IOException {
        Matcher m = ENV_REFERENCE.matcher(Files.readString(path(relative)));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
