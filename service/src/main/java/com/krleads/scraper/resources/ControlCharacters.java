package com.krleads.scraper.resources;

/**
 * The one rule for control characters in text a client sends: NUL, the other C0 controls,
 * DEL and the C1 controls are refused everywhere, tab and line breaks included (no field of
 * the API is multi-line). PostgreSQL cannot store NUL at all; the rest only hides text.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** The index of the first control character in {@code text}, or -1 (also for null). */
    public static int firstIn(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public static boolean present(String text) {
        return firstIn(text) >= 0;
    }
}
