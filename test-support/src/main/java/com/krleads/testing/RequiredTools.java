package com.krleads.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one rule for checks that need something outside the JVM (a Debian tool, the shared Grafana
 * schemas): under {@code CI=true} a missing prerequisite fails the test with a message naming it;
 * on a developer's machine the test is skipped with the same message. Shared by every module
 * through the test-support module.
 */
public final class RequiredTools {
    private RequiredTools() {
    }

    /** True when running under CI ({@code CI=true}), where nothing may be skipped. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The executable {@code tool} on the PATH, if there is one. */
    public static Optional<Path> find(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The executable {@code tool}; missing, the test fails under CI and is skipped elsewhere. */
    public static Path require(String tool, String debianPackage) {
        return find(tool).orElseGet(() -> {
            missing(tool + " is not on the PATH (Debian package '" + debianPackage + "'; .ci/run installs it)");
            return null;
        });
    }

    /** A prerequisite that must hold; when it does not, the test fails under CI and is skipped elsewhere. */
    public static void requireThat(boolean present, String whatIsMissing) {
        if (!present) {
            missing(whatIsMissing);
        }
    }

    private static void missing(String message) {
        if (inCi()) {
            fail("CI=true and a required tool is missing: " + message);
        }
        abort(message + ": check skipped on this machine (it fails under CI=true)");
    }
}
