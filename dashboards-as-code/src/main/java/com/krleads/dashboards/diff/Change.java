package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One change of the export against the generated dashboard.
 *
 * @param kind     what changed
 * @param subject  the panel title, variable name or link title (the generated one when both exist)
 * @param row      the panel's row title, empty for other kinds or a panel above the first row
 * @param field    the property that changed, null for an addition or a removal
 * @param oldValue the generated value (null when not set)
 * @param newValue the exported value (null when not set)
 */
public record Change(Kind kind, String subject, String row, String field, JsonNode oldValue, JsonNode newValue) {
    public enum Kind {
        DASHBOARD_CHANGED("dashboard"),
        LINK_ADDED("link"), LINK_REMOVED("link"), LINK_CHANGED("link"),
        VARIABLE_ADDED("variable"), VARIABLE_REMOVED("variable"), VARIABLE_CHANGED("variable"),
        PANEL_ADDED("panel"), PANEL_REMOVED("panel"), PANEL_CHANGED("panel");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        /** The name in the JSON report, such as {@code panel-added}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static Change of(Kind kind, String subject, String row, String field, JsonNode oldValue, JsonNode newValue) {
        return new Change(kind, subject, row, field, oldValue, newValue);
    }

    /** The report line, such as {@code panel "Latency" in row "Requests": unit: "s" -> "ms"}. */
    public String text() {
        return switch (kind) {
            case DASHBOARD_CHANGED -> "dashboard: " + difference();
            case LINK_ADDED, VARIABLE_ADDED, PANEL_ADDED -> kind.noun + " added: " + name() + added();
            case LINK_REMOVED, VARIABLE_REMOVED, PANEL_REMOVED -> kind.noun + " removed: " + name();
            case LINK_CHANGED, VARIABLE_CHANGED, PANEL_CHANGED -> kind.noun + " " + name() + ": " + difference();
        };
    }

    private String name() {
        String name = kind.noun.equals("variable") ? subject : Render.quoted(subject);
        return row == null || row.isEmpty() ? name : name + " in row " + Render.quoted(row);
    }

    private String added() {
        return newValue == null ? "" : " (" + newValue.asText() + ")";
    }

    private String difference() {
        String label = PanelReader.POSITION.equals(field) ? "moved or resized" : field;
        return label + ": " + Render.value(oldValue) + " -> " + Render.value(newValue);
    }
}
