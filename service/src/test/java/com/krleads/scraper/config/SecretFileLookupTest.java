package com.krleads.scraper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileLookupTest {
    @TempDir
    Path dir;

    @Test
    void aVariableNamedWithFileReadsTheFileWithoutItsLastLineBreak() throws Exception {
        Path secret = Files.writeString(dir.resolve("app_password"), "s3cret with spaces\n");
        SecretFileLookup lookup = new SecretFileLookup(Map.of("DATABASE_PASSWORD_FILE", secret.toString(),
                "DATABASE_PASSWORD", "ignored", "DATABASE_USER", "leads_app")::get);

        assertThat(lookup.lookup("DATABASE_PASSWORD")).isEqualTo("s3cret with spaces");
        assertThat(lookup.lookup("DATABASE_USER")).isEqualTo("leads_app");
        assertThat(lookup.lookup("UNSET")).isNull();
    }

    @Test
    void aMissingSecretFileStopsTheStartNamingTheVariable() {
        SecretFileLookup lookup = new SecretFileLookup(Map.of("DATABASE_PASSWORD_FILE",
                dir.resolve("absent").toString())::get);
        assertThatThrownBy(() -> lookup.lookup("DATABASE_PASSWORD")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("DATABASE_PASSWORD_FILE");
    }
}
