package com.krleads.dashboards.output;

import com.krleads.dashboards.KrDashboard;
import com.krleads.dashboards.Settings;
import com.krleads.dashboards.model.Dashboard;
import com.krleads.dashboards.rulefile.RuleGroup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code GeneratorMain --out DIR}: writes everything to DIR with the settings of this process's
 * environment, and prints a summary table.
 */
public final class GeneratorMain {
    private GeneratorMain() {
    }

    public static void main(String[] args) {
        run(args, System.getenv(), System.out);
    }

    /** The environment is read here, once: everything downstream gets the settings as a value. */
    static void run(String[] args, Map<String, String> environment, PrintStream summary) {
        Path out = parseOut(args);
        Generator.Result result = Generator.generate(out, Settings.fromEnvironment(environment));
        printSummary(result, summary);
    }

    static Path parseOut(String[] args) {
        if (args.length == 2 && args[0].equals("--out")) {
            return Path.of(args[1]);
        }
        System.err.println("usage: GeneratorMain --out DIR");
        throw new IllegalArgumentException("expected --out DIR");
    }

    static void printSummary(Generator.Result result, PrintStream out) {
        out.printf("%-40s %-24s %6s%n", "DASHBOARD", "UID", "PANELS");
        for (Map.Entry<KrDashboard, Dashboard> entry : result.dashboards().entrySet()) {
            Dashboard dashboard = entry.getValue();
            out.printf("%-40s %-24s %6d%n", dashboard.title(), dashboard.uid(), dashboard.panels().size());
        }
        out.println();
        out.printf("%-40s %10s %8s%n", "RULE GROUP", "RECORDING", "ALERTS");
        for (RuleGroup group : result.ruleGroups()) {
            out.printf("%-40s %10d %8d%n", group.name(), group.recordingRules().size(), group.alertRules().size());
        }
        out.println();
        out.println("Grafana reads the Prometheus URL from $" + Settings.PROMETHEUS_URL_ENV
                + " (compose: " + Settings.DEFAULT_PROMETHEUS_URL + ").");
        out.println("Its timeInterval comes from $" + Settings.SCRAPE_INTERVAL_ENV
                + " (the environment's Prometheus scrape interval); dashboards select job " + Settings.SCRAPE_JOB + " by default.");
        out.println("Written under " + result.out().toAbsolutePath().normalize() + ":");
        for (Path file : result.files()) {
            out.println("  " + result.out().relativize(file));
        }
    }
}
