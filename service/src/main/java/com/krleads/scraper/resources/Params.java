package com.krleads.scraper.resources;

import com.krleads.scraper.resources.errors.ApiException;

/** Query and path parameters read as text, so that bad values get a 422 naming them, not a 404. */
final class Params {
    private Params() {
    }

    static int intParam(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid(name, name + " must be a whole number from " + min + " to " + max);
    }

    /** Free text from the query string, refused when it holds a control character. */
    static String text(String name, String value) {
        int index = ControlCharacters.firstIn(value);
        if (index >= 0) {
            throw ApiException.invalid(name, name + " contains a control character at position " + index);
        }
        return value;
    }

    /** An id in the path; anything that is not one names no resource. */
    static long id(String what, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.notFound(what, value);
        }
    }
}
