package com.krleads.dashboards;

import com.krleads.dashboards.diff.DiffCommand;
import com.krleads.dashboards.output.GeneratorMain;
import java.util.Arrays;
import java.util.List;

/**
 * The executable jar's entry point: {@code generate --out DIR} writes every generated file,
 * {@code diff [--json] FILE} compares a dashboard exported from Grafana with the generated one.
 */
public final class Main {
    private static final String USAGE = "usage: java -jar dashboards-as-code.jar generate --out DIR"
            + " | diff [--json] EXPORTED_DASHBOARD.json";

    private Main() {
    }

    public static void main(String[] args) {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "generate" -> GeneratorMain.main(rest.toArray(String[]::new));
            case "diff" -> System.exit(DiffCommand.run(rest, System.out, System.err));
            default -> {
                System.err.println(USAGE);
                System.exit(DiffCommand.BAD_INPUT);
            }
        }
    }
}
