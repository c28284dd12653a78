package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;

/**
 * Reads one JSON value with the default Grafana assumes when it is absent, so that a value the
 * generator leaves out equals the default Grafana writes on export. {@code null} means "not set".
 */
final class Values {
    private Values() {
    }

    /** Text, with absent, null and empty all meaning "not set". */
    static JsonNode text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().isEmpty()
                ? null : TextNode.valueOf(node.asText());
    }

    static JsonNode bool(JsonNode node) {
        return BooleanNode.valueOf(node != null && node.asBoolean(false));
    }

    static JsonNode integer(JsonNode node, int fallback) {
        return IntNode.valueOf(node == null || !node.isNumber() && !node.isTextual() ? fallback : node.asInt(fallback));
    }

    /** A number as plain text without trailing zeros ({@code 80.0} and {@code 80} are the same), or null. */
    static String number(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        return node.decimalValue().stripTrailingZeros().toPlainString();
    }

    static JsonNode numberValue(JsonNode node) {
        String number = number(node);
        return number == null ? null : DecimalNode.valueOf(new BigDecimal(number));
    }
}
