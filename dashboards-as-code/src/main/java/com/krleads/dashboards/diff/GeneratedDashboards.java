package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.krleads.dashboards.Dashboards;
import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.model.Json;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The dashboards this module generates, built in this process, so the diff is always in step with the code. */
public final class GeneratedDashboards {
    /** Grafana's "Save as copy" gives the copy a new uid and this suffix on the title. */
    static final String COPY_SUFFIX = " Copy";

    private final List<JsonNode> dashboards;

    private GeneratedDashboards(List<JsonNode> dashboards) {
        this.dashboards = dashboards;
    }

    public static GeneratedDashboards build() {
        Collection<Dashboard> built = Dashboards.all().values();
        return new GeneratedDashboards(built.stream().map(d -> (JsonNode) Json.mapper().valueToTree(d)).toList());
    }

    /** The generated dashboard with the export's uid or, failing that, its title (or a copy's title). */
    public JsonNode matching(JsonNode export) throws BadExportException {
        String uid = export.path("uid").asText("");
        String title = export.path("title").asText("");
        for (JsonNode dashboard : dashboards) {
            if (!uid.isEmpty() && uid.equals(dashboard.path("uid").asText())) {
                return dashboard;
            }
        }
        for (JsonNode dashboard : dashboards) {
            String generatedTitle = dashboard.path("title").asText();
            if (title.equals(generatedTitle) || title.equals(generatedTitle + COPY_SUFFIX)) {
                return dashboard;
            }
        }
        String known = dashboards.stream().map(d -> d.path("uid").asText()).collect(Collectors.joining(", "));
        throw new BadExportException("no generated dashboard with uid \"" + uid + "\" or title \"" + title
                + "\" (generated: " + known + ")");
    }
}
