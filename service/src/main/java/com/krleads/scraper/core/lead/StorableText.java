package com.krleads.scraper.core.lead;

/**
 * Text that every database and every JSON reader accepts: no control characters (PostgreSQL
 * refuses NUL outright; tabs and line breaks become spaces), no lone surrogates (replaced by
 * U+FFFD), and cut to a column's length without splitting a surrogate pair.
 */
public final class StorableText {
    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** {@code raw} cleaned and trimmed; null when nothing is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f') {
                out.append(' ');
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** At most {@code maxChars} UTF-16 units (what both databases count), never half a pair. */
    public static String truncate(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end).strip();
    }
}
