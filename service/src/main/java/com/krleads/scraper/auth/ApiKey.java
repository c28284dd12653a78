package com.krleads.scraper.auth;

import java.security.Principal;

/**
 * The caller of an authenticated request. The name is the role and the first characters of the
 * key's hash: enough to tell keys apart in logs and rate limits, useless for guessing the token.
 */
public record ApiKey(String name, Role role) implements Principal {
    private static final int ID_LENGTH = 12;

    static ApiKey of(Role role, String sha256Hex) {
        return new ApiKey(role.label() + ":" + sha256Hex.substring(0, ID_LENGTH), role);
    }

    @Override
    public String getName() {
        return name;
    }
}
