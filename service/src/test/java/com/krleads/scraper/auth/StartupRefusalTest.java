package com.krleads.scraper.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.krleads.scraper.LeadScraperApplication;
import com.krleads.scraper.LeadScraperConfiguration;
import com.krleads.scraper.config.AuthConfig;
import com.krleads.scraper.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With API keys on (production), the service does not start until it has a key, and says why. */
class StartupRefusalTest {

    @Test
    void noKeysFileConfigured() {
        assertRefused("", "no keys file is set", "API_KEYS_FILE", "keys new operator");
    }

    @Test
    void anUnsetVariableReadsAsNoKeysFile() {
        AuthConfig config = new AuthConfig();
        config.keysFile = null;
        assertThatThrownBy(() -> ApiAuth.loadAtStartup(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no keys file is set");
    }

    @Test
    void keysFileMissing(@TempDir Path dir) {
        assertRefused(dir.resolve("absent").toString(), "does not exist", "keys new operator");
    }

    @Test
    void keysFileWithoutAKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("api_keys");
        Files.writeString(file, "# nobody yet\nsuperuser " + ApiTokens.sha256Hex("t") + "\n");
        assertRefused(file.toString(), "holds no key", "lines [2]", "keys new operator");
    }

    @Test
    void startsWithOneKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("api_keys");
        Files.writeString(file, "reader " + ApiTokens.sha256Hex(ApiTokens.newToken()) + "\n");
        DropwizardTestSupport<LeadScraperConfiguration> app = app(file.toString());
        try {
            app.before();
            assertThat(app.getLocalPort()).isPositive();
        } finally {
            app.after();
        }
    }

    private static void assertRefused(String keysFile, String... says) {
        DropwizardTestSupport<LeadScraperConfiguration> app = app(keysFile);
        Throwable thrown = catchThrowable(app::before);
        try {
            app.after();
        } catch (RuntimeException alreadyDown) {
            // nothing was started
        }
        Throwable refusal = thrown;
        while (refusal != null && !(refusal instanceof IllegalStateException)) {
            refusal = refusal.getCause();
        }
        assertThat(refusal).as("start-up refused with a reason, got %s", thrown).isNotNull();
        assertThat(refusal).hasMessageContainingAll(says);
    }

    private static DropwizardTestSupport<LeadScraperConfiguration> app(String keysFile) {
        return new DropwizardTestSupport<>(LeadScraperApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", TestDatabase.h2Url("refusal-" + UUID.randomUUID())),
                ConfigOverride.config("worker.enabled", "false"),
                ConfigOverride.config("auth.enabled", "true"),
                ConfigOverride.config("auth.keysFile", keysFile));
    }
}
