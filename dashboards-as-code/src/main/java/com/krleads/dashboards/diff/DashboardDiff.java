package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The changes from a generated dashboard to an export of it: dashboard settings, links,
 * variables, then panels in the generated layout order, then the added panels.
 */
public final class DashboardDiff {
    private DashboardDiff() {
    }

    public static List<Change> compare(JsonNode generated, JsonNode exported) {
        DashboardSnapshot before = DashboardReader.read(generated);
        DashboardSnapshot after = DashboardReader.read(exported);
        List<Change> changes = new ArrayList<>();
        changed(before.settings(), after.settings(), (field, o, n) ->
                changes.add(Change.of(Change.Kind.DASHBOARD_CHANGED, "", "", field, o, n)));
        named(before.links(), after.links(), Change.Kind.LINK_ADDED, Change.Kind.LINK_REMOVED, Change.Kind.LINK_CHANGED,
                changes);
        named(before.variables(), after.variables(), Change.Kind.VARIABLE_ADDED, Change.Kind.VARIABLE_REMOVED,
                Change.Kind.VARIABLE_CHANGED, changes);
        panels(before.panels(), after.panels(), changes);
        return changes;
    }

    private static void named(Map<String, Map<String, JsonNode>> before, Map<String, Map<String, JsonNode>> after,
                              Change.Kind added, Change.Kind removed, Change.Kind changed, List<Change> changes) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (!after.containsKey(name)) {
                changes.add(Change.of(removed, name, "", null, null, null));
            } else if (!before.containsKey(name)) {
                changes.add(Change.of(added, name, "", null, null, after.get(name).get("type")));
            } else {
                changed(before.get(name), after.get(name), (field, o, n) ->
                        changes.add(Change.of(changed, name, "", field, o, n)));
            }
        }
    }

    private static void panels(List<PanelSnapshot> before, List<PanelSnapshot> after, List<Change> changes) {
        PanelMatcher.Matching matching = PanelMatcher.match(before, after);
        for (PanelSnapshot panel : before) {
            PanelMatcher.Pair pair = matching.pairOf(panel);
            if (pair == null) {
                changes.add(Change.of(Change.Kind.PANEL_REMOVED, panel.title(), panel.row(), null, null, null));
            } else {
                changed(panel.properties(), pair.exported().properties(), (field, o, n) ->
                        changes.add(Change.of(Change.Kind.PANEL_CHANGED, panel.title(), panel.row(), field, o, n)));
            }
        }
        for (PanelSnapshot panel : matching.added()) {
            changes.add(Change.of(Change.Kind.PANEL_ADDED, panel.title(), panel.row(), null, null,
                    TextNode.valueOf(panel.type() + " at " + panel.properties().get(PanelReader.POSITION).asText())));
        }
    }

    private interface Difference {
        void found(String field, JsonNode oldValue, JsonNode newValue);
    }

    /** Each field whose value differs, in the order of the generated side, then fields only the export has. */
    private static void changed(Map<String, JsonNode> before, Map<String, JsonNode> after, Difference difference) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            JsonNode o = before.get(field);
            JsonNode n = after.get(field);
            if (!Objects.equals(o, n)) {
                difference.found(field, o, n);
            }
        }
    }
}
