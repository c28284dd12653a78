package com.krleads.scraper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.auth.ApiKeyAuthenticator;
import com.krleads.scraper.auth.ApiTokens;
import com.krleads.scraper.auth.Role;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys new <role>} through Dropwizard's command line, as {@code java -jar ... keys new operator} runs it. */
class KeysCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Optional<Throwable> run(String... args) throws Exception {
        Bootstrap<LeadScraperConfiguration> bootstrap = new Bootstrap<>(new LeadScraperApplication());
        bootstrap.addCommand(new KeysCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return new Cli(new JarLocation(KeysCommandTest.class), bootstrap, out, err).run(args);
    }

    @Test
    void printsATokenAndTheKeysFileLineThatAcceptsIt(@TempDir Path dir) throws Exception {
        assertThat(run("keys", "new", "operator")).isEmpty();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String token = lines.get(1);
        String keyLine = lines.get(lines.size() - 1);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(keyLine).isEqualTo("operator " + ApiTokens.sha256Hex(token));

        Path file = dir.resolve("api_keys");
        Files.writeString(file, keyLine + "\n");
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(file);
        authenticator.reload();
        assertThat(authenticator.authenticate(token)).map(k -> k.role()).hasValue(Role.OPERATOR);
    }

    @Test
    void everyTokenIsNew() throws Exception {
        run("keys", "new", "reader");
        run("keys", "new", "reader");
        List<String> tokens = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.matches("[A-Za-z0-9_-]{43}"))
                .toList();
        assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownRoleIsRefused() throws Exception {
        assertThat(run("keys", "new", "admin")).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reader", "operator");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Line for the keys file");
    }
}
