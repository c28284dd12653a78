package com.krleads.scraper.auth;

import com.krleads.scraper.auth.ApiKeyFile.Contents;
import com.krleads.scraper.auth.ApiKeyFile.StoredKey;
import io.dropwizard.auth.Authenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key of a bearer token among the keys file's hashes. The token is hashed and compared
 * with every stored hash in constant time ({@link MessageDigest#isEqual}), without stopping at a
 * match, so timing tells nothing about which hashes exist. The file is re-read periodically;
 * nothing here ever logs a token or a hash.
 */
public class ApiKeyAuthenticator implements Authenticator<String, ApiKey> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final Path file;
    private volatile List<StoredKey> keys = List.of();
    private volatile Contents applied;
    private Contents pending;

    public ApiKeyAuthenticator(Path file) {
        this.file = file;
    }

    @Override
    public Optional<ApiKey> authenticate(String token) {
        byte[] presented = ApiTokens.sha256(token);
        ApiKey found = null;
        for (StoredKey stored : keys) {
            if (MessageDigest.isEqual(presented, stored.hash()) && found == null) {
                found = stored.key();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Reads the file and swaps the key set at once (start-up). */
    public Contents reload() {
        Contents contents = read();
        apply(contents);
        pending = null;
        return contents;
    }

    /**
     * The periodic check: a change is applied once two checks in a row read the same contents,
     * so a file caught half-written (truncated, then written in place) never revokes every key
     * for a moment. Adding or revoking a key takes effect within two intervals. A failure is
     * logged and the keys in force stay.
     */
    public void reloadQuietly() {
        try {
            Contents contents = read();
            if (sameAs(applied, contents)) {
                pending = null;
            } else if (sameAs(pending, contents)) {
                apply(contents);
                pending = null;
            } else {
                pending = contents;
            }
        } catch (RuntimeException e) {
            LOG.error("Could not re-read the API keys file; the keys read before stay in force", e);
        }
    }

    private Contents read() {
        try {
            return ApiKeyFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API keys file " + file, e);
        }
    }

    private void apply(Contents contents) {
        keys = contents.keys();
        if (!sameAs(applied, contents)) {
            logChange(contents);
        }
        applied = contents;
    }

    public int keyCount() {
        return keys.size();
    }

    private void logChange(Contents contents) {
        if (!contents.exists()) {
            LOG.warn("API keys file {} does not exist: no key is accepted", file);
            return;
        }
        LOG.info("API keys file {}: {} key(s)", file, contents.keys().size());
        if (!contents.badLines().isEmpty()) {
            LOG.warn("API keys file {}: lines {} are not '<reader|operator> <sha256 hex>' and were ignored",
                    file, contents.badLines());
        }
    }

    private static boolean sameAs(Contents before, Contents now) {
        if (before == null || before.exists() != now.exists() || !before.badLines().equals(now.badLines())
                || before.keys().size() != now.keys().size()) {
            return false;
        }
        for (int i = 0; i < now.keys().size(); i++) {
            if (!MessageDigest.isEqual(before.keys().get(i).hash(), now.keys().get(i).hash())
                    || before.keys().get(i).key().role() != now.keys().get(i).key().role()) {
                return false;
            }
        }
        return true;
    }
}
