package com.krleads.dashboards.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Prints the changes: one line each, or as JSON for tooling. */
final class ChangeReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ChangeReport() {
    }

    static String text(List<Change> changes) {
        StringBuilder text = new StringBuilder();
        changes.forEach(change -> text.append(change.text()).append('\n'));
        return text.toString();
    }

    /** {@code {"uid": ..., "title": ..., "changes": [{"kind", "subject", "row", "field", "old", "new", "text"}]}}. */
    static String json(JsonNode generated, List<Change> changes) {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("uid", generated.path("uid").asText());
        report.put("title", generated.path("title").asText());
        ArrayNode list = report.putArray("changes");
        for (Change change : changes) {
            ObjectNode item = list.addObject();
            item.put("kind", change.kind().id());
            item.put("subject", change.subject());
            item.put("row", change.row());
            item.put("field", change.field());
            item.set("old", change.oldValue());
            item.set("new", change.newValue());
            item.put("text", change.text());
        }
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report", e);
        }
    }
}
