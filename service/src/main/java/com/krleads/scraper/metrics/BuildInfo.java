package com.krleads.scraper.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and source revision of the running build, the labels of {@code build_info}. Maven
 * writes them into {@code build-info.properties} when it copies the resources (the project
 * version, and the revision given as {@code -Dbuild.revision}, else {@code unknown}); so the
 * jar and classes built by Maven both carry them. Classes compiled without Maven's resource
 * filtering (an IDE) have the file unfiltered or not at all: both labels are then {@link #UNKNOWN}.
 */
public record BuildInfo(String version, String revision) {
    public static final String UNKNOWN = "unknown";
    static final String RESOURCE = "build-info.properties";

    /** The running build's. */
    public static BuildInfo current() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new BuildInfo(UNKNOWN, UNKNOWN);
            }
            Properties properties = new Properties();
            properties.load(in);
            return new BuildInfo(filtered(properties.getProperty("version")), filtered(properties.getProperty("revision")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** A value Maven did not put in is still its {@code ${...}} placeholder. */
    static String filtered(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }
}
