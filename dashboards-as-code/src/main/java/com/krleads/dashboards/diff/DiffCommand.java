package com.krleads.dashboards.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code diff [--json] EXPORTED.json}: compares a dashboard exported from Grafana with the one
 * this module generates. Exit status 0 when nothing changed, 1 when something did, 2 on a bad
 * file or bad arguments (one line on standard error).
 */
public final class DiffCommand {
    public static final int NO_CHANGES = 0;
    public static final int CHANGES = 1;
    public static final int BAD_INPUT = 2;
    static final String USAGE = "usage: diff [--json] EXPORTED_DASHBOARD.json";

    private DiffCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean json = args.contains("--json");
        List<String> files = new ArrayList<>(args);
        files.remove("--json");
        if (files.size() != 1 || files.get(0).startsWith("--")) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        String file = files.get(0);
        try {
            JsonNode exported = ExportFile.read(Path.of(file));
            JsonNode generated = GeneratedDashboards.build().matching(exported);
            List<Change> changes = DashboardDiff.compare(generated, exported);
            out.print(json ? ChangeReport.json(generated, changes) : ChangeReport.text(changes));
            if (changes.isEmpty() && !json) {
                err.println("no changes from the generated dashboard " + generated.path("uid").asText());
            }
            return changes.isEmpty() ? NO_CHANGES : CHANGES;
        } catch (BadExportException e) {
            err.println("diff: " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }
}
