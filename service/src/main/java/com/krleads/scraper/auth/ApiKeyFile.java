package com.krleads.scraper.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys file: one key a line, {@code <role> <sha256 hex of the token>}; blank lines and
 * lines starting with {@code #} are ignored. A line that does not parse is reported by its
 * number only (it might hold a token pasted by mistake) and is not a key.
 */
public final class ApiKeyFile {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** One key as stored: its role and the hash of its token. */
    public record StoredKey(ApiKey key, byte[] hash) {
    }

    /** The keys read, the numbers of the lines that were not keys, and whether the file existed. */
    public record Contents(List<StoredKey> keys, List<Integer> badLines, boolean exists) {
    }

    private ApiKeyFile() {
    }

    public static Contents read(Path file) throws IOException {
        try {
            return parse(Files.readAllLines(file));
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), List.of(), false);
        }
    }

    static Contents parse(List<String> lines) {
        List<StoredKey> keys = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Optional<StoredKey> key = parseLine(line);
            if (key.isPresent()) {
                keys.add(key.get());
            } else {
                bad.add(i + 1);
            }
        }
        return new Contents(List.copyOf(keys), List.copyOf(bad), true);
    }

    private static Optional<StoredKey> parseLine(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 2 || !HEX.matcher(fields[1]).matches()) {
            return Optional.empty();
        }
        String hex = fields[1].toLowerCase(Locale.ROOT);
        return Role.parse(fields[0]).map(role -> new StoredKey(ApiKey.of(role, hex), HexFormat.of().parseHex(hex)));
    }
}
