package com.krleads.scraper.metrics;

import com.krleads.testing.ToolRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs {@code promtool check metrics} on exposition text. */
final class Promtool {
    record Result(int exitCode, String output, List<String> problems) {
    }

    private Promtool() {
    }

    static Result checkMetrics(Path promtool, String exposition) throws IOException, InterruptedException {
        ToolRun.Result run = ToolRun.of(promtool.toString(), "check", "metrics").input(exposition)
                .within(Duration.ofSeconds(30)).run();
        List<String> problems = run.output().lines().filter(line -> !line.isBlank()).toList();
        return new Result(run.exit(), run.output(), problems);
    }
}
