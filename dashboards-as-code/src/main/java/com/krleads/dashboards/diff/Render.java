package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * How a value reads in a report line: text in JSON quotes (so an expression stays on one line
 * and can be pasted into a Java string), numbers and booleans as they are, unset as {@code (none)}.
 */
final class Render {
    static final String NONE = "(none)";

    private Render() {
    }

    static String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return NONE;
        }
        return value.isTextual() ? value.toString() : value.asText();
    }

    static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }
}
