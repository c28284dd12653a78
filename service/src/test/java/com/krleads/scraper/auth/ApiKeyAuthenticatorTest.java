package com.krleads.scraper.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyAuthenticatorTest {
    private final String reader = ApiTokens.newToken();
    private final String operator = ApiTokens.newToken();

    @Test
    void readsRolesAndHashesSkippingCommentsBlankAndBadLines() {
        ApiKeyFile.Contents contents = ApiKeyFile.parse(List.of(
                "# keys of the team",
                "",
                "reader " + ApiTokens.sha256Hex(reader),
                "operator\t" + ApiTokens.sha256Hex(operator).toUpperCase(),
                "admin " + ApiTokens.sha256Hex("x"),
                "operator " + operator,
                "reader " + ApiTokens.sha256Hex(reader) + " trailing"));

        assertThat(contents.keys()).extracting(k -> k.key().role()).containsExactly(Role.READER, Role.OPERATOR);
        assertThat(contents.badLines()).containsExactly(5, 6, 7);
        assertThat(contents.keys().get(0).key().name()).isEqualTo("reader:" + ApiTokens.sha256Hex(reader).substring(0, 12));
    }

    @Test
    void findsTheKeyOfAToken(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "reader " + ApiTokens.sha256Hex(reader) + "\noperator " + ApiTokens.sha256Hex(operator) + "\n");
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(file);
        authenticator.reload();

        assertThat(authenticator.authenticate(reader)).map(ApiKey::role).hasValue(Role.READER);
        assertThat(authenticator.authenticate(operator)).map(ApiKey::role).hasValue(Role.OPERATOR);
        assertThat(authenticator.authenticate(ApiTokens.newToken())).isEmpty();
        assertThat(authenticator.authenticate(ApiTokens.sha256Hex(reader))).as("the hash is not a token").isEmpty();
        assertThat(authenticator.authenticate("")).isEmpty();
    }

    @Test
    void reloadAddsAndRevokesAndAMissingFileRevokesEverything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "reader " + ApiTokens.sha256Hex(reader) + "\n");
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(file);
        authenticator.reload();
        assertThat(authenticator.authenticate(operator)).isEmpty();

        Files.writeString(file, "operator " + ApiTokens.sha256Hex(operator) + "\n");
        authenticator.reloadQuietly();
        assertThat(authenticator.authenticate(operator)).as("applied at the second check").isEmpty();
        authenticator.reloadQuietly();
        assertThat(authenticator.authenticate(operator)).isPresent();
        assertThat(authenticator.authenticate(reader)).isEmpty();

        Files.delete(file);
        authenticator.reloadQuietly();
        authenticator.reloadQuietly();
        assertThat(authenticator.keyCount()).isZero();
        assertThat(authenticator.authenticate(operator)).isEmpty();
    }

    @Test
    void aFileCaughtHalfWrittenDoesNotRevokeTheKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        String full = "reader " + ApiTokens.sha256Hex(reader) + "\n";
        Files.writeString(file, full);
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(file);
        authenticator.reload();

        Files.writeString(file, "");
        authenticator.reloadQuietly();
        Files.writeString(file, full);
        authenticator.reloadQuietly();
        authenticator.reloadQuietly();

        assertThat(authenticator.authenticate(reader)).isPresent();
    }

    @Test
    void anOperatorMayReadAReaderMayNotWrite() {
        RoleAuthorizer authorizer = new RoleAuthorizer();
        ApiKey readerKey = new ApiKey("r", Role.READER);
        ApiKey operatorKey = new ApiKey("o", Role.OPERATOR);
        assertThat(authorizer.authorize(readerKey, Role.READER_NAME, null)).isTrue();
        assertThat(authorizer.authorize(readerKey, Role.OPERATOR_NAME, null)).isFalse();
        assertThat(authorizer.authorize(operatorKey, Role.READER_NAME, null)).isTrue();
        assertThat(authorizer.authorize(operatorKey, Role.OPERATOR_NAME, null)).isTrue();
        assertThat(authorizer.authorize(operatorKey, "admin", null)).isFalse();
    }
}
