package com.krleads.deployment;

import com.krleads.scraper.auth.ApiTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two replicas of the packaged jar with config-prod.yml on one PostgreSQL, called with one operator
 * key, admitting the fixture site on loopback. Launched, not yet waited for.
 */
final class ProductionReplicas {
    private ProductionReplicas() {
    }

    /** "replica-a" and "replica-b"; {@code settings} are the test's own environment variables on top. */
    static List<ServiceReplica> launch(Path workDir, SharedDatabase database, String token,
                                       Map<String, String> settings) throws IOException {
        // One operator key, written as an operator does (README, "API keys"): the role and the token's hash.
        Path keys = workDir.resolve("api_keys");
        Files.writeString(keys, "operator " + ApiTokens.sha256Hex(token) + "\n");
        Map<String, String> env = new HashMap<>(Map.of(
                "API_KEYS_FILE", keys.toString(),
                "DATABASE_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(),
                "DATABASE_PASSWORD", "",
                // The fixture site is on 127.0.0.1: the one documented switch that admits it.
                "SCRAPER_ALLOW_PRIVATE_ADDRESSES", "true"));
        env.putAll(settings);
        return List.of(ServiceReplica.launch("replica-a", "config-prod.yml", env, workDir, token),
                ServiceReplica.launch("replica-b", "config-prod.yml", env, workDir, token));
    }
}
