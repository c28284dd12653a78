package com.krleads.scraper.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.commons.text.lookup.StringLookup;

/**
 * Environment variables for the configuration, with the {@code _FILE} convention of the
 * official database images: when {@code NAME_FILE} is set, {@code ${NAME}} is that file's
 * content (one trailing line break dropped), so a password comes from a compose secret and never
 * sits in the environment. Otherwise {@code ${NAME}} is the variable itself.
 */
public final class SecretFileLookup implements StringLookup {
    public static final String SUFFIX = "_FILE";
    private final UnaryOperator<String> environment;

    public SecretFileLookup(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public String lookup(String name) {
        String file = environment.apply(name + SUFFIX);
        if (file == null || file.isBlank()) {
            return environment.apply(name);
        }
        try {
            String content = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
            return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + SUFFIX + " (" + file.trim() + ")", e);
        }
    }
}
