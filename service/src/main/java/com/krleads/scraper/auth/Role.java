package com.krleads.scraper.auth;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do: a reader reads, an operator also changes things. */
public enum Role {
    READER, OPERATOR;

    /** Role names as used in {@code @RolesAllowed} and in the keys file. */
    public static final String READER_NAME = "reader";
    public static final String OPERATOR_NAME = "operator";

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An operator holds every permission a reader has. */
    public boolean grants(String required) {
        return label().equals(required) || this == OPERATOR && READER_NAME.equals(required);
    }

    public static Optional<Role> parse(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
