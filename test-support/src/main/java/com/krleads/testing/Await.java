package com.krleads.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** Polls a condition until it holds, failing early (with the log's tail) when a process it needs has exited. */
public final class Await {
    private static final long POLL_MILLIS = 250;

    private Await() {
    }

    public static void until(String what, Duration limit, Callable<Boolean> condition, ChildProcess... needed)
            throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            for (ChildProcess process : needed) {
                if (!process.isAlive()) {
                    throw new AssertionError(process.describe() + " exited while waiting for " + what
                            + "\n" + tail(process.log()));
                }
            }
            try {
                if (condition.call()) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            }
            Thread.sleep(POLL_MILLIS);
        }
        StringBuilder logs = new StringBuilder();
        for (ChildProcess process : needed) {
            logs.append("\n--- ").append(process.describe()).append('\n').append(tail(process.log()));
        }
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what + logs);
    }

    public static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
