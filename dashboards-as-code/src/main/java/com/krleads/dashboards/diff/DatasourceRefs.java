package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a datasource reference, in any form Grafana writes it, into one canonical text: a
 * template variable as {@code $name}, the provisioned Prometheus as its uid, anything else as
 * its uid or name. Forms: {@code {"uid": ...}}, {@code {"type": ..., "uid": ...}}, a plain name
 * or uid string, nothing (the default datasource), and {@code ${DS_...}} placeholders of
 * "Export for sharing externally", resolved through the file's {@code __inputs}.
 */
public final class DatasourceRefs {
    /** {@code $name}, {@code ${name}}, {@code ${name:format}} and the old {@code [[name]]}. */
    private static final Pattern VARIABLE = Pattern.compile("^\\$(\\w+)$|^\\$\\{(\\w+)(?::\\w+)?}$|^\\[\\[(\\w+)]]$");

    /** Placeholder name to the plugin id of the datasource it stands for. */
    private final Map<String, String> inputs;

    private DatasourceRefs(Map<String, String> inputs) {
        this.inputs = inputs;
    }

    /** For a dashboard JSON: reads its {@code __inputs}, if any. */
    public static DatasourceRefs of(JsonNode dashboard) {
        Map<String, String> inputs = new HashMap<>();
        for (JsonNode input : dashboard.path("__inputs")) {
            if ("datasource".equals(input.path("type").asText())) {
                inputs.put(input.path("name").asText(), input.path("pluginId").asText());
            }
        }
        return new DatasourceRefs(inputs);
    }

    public String canonical(JsonNode ref) {
        if (ref == null || ref.isNull() || ref.isMissingNode()) {
            return Settings.DATASOURCE_UID;
        }
        if (ref.isTextual()) {
            return fromText(ref.asText(), null);
        }
        String type = ref.path("type").isTextual() ? ref.path("type").asText() : null;
        if (ref.path("uid").isTextual()) {
            return fromText(ref.path("uid").asText(), type);
        }
        return type == null || Settings.DATASOURCE_TYPE.equals(type) ? Settings.DATASOURCE_UID : type;
    }

    private String fromText(String text, String type) {
        Matcher variable = VARIABLE.matcher(text);
        if (variable.matches()) {
            String name = variable.group(1) != null ? variable.group(1)
                    : variable.group(2) != null ? variable.group(2) : variable.group(3);
            if (inputs.containsKey(name)) {
                return forPlugin(inputs.get(name));
            }
            return "$" + name;
        }
        if (text.equals(Settings.DATASOURCE_NAME) || text.equals(Settings.DATASOURCE_UID)) {
            return Settings.DATASOURCE_UID;
        }
        if (text.isEmpty() || text.equals("default")) {
            return type == null ? Settings.DATASOURCE_UID : forPlugin(type);
        }
        return text;
    }

    /** The one datasource of that plugin type that provisioning creates, else the type itself. */
    private static String forPlugin(String pluginId) {
        return Settings.DATASOURCE_TYPE.equals(pluginId) ? Settings.DATASOURCE_UID : pluginId;
    }
}
