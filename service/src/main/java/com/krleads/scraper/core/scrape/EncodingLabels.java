package com.krleads.scraper.core.scrape;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Charset labels read as browsers read them (the WHATWG Encoding Standard), for the encodings
 * Korean sites use: every EUC-KR label means windows-949 (Java's {@code x-windows-949}, a
 * superset holding all 11,172 Hangul syllables), so {@code euc-kr}, {@code ks_c_5601-1987} and
 * {@code cp949} no longer lose the 8,822 syllables outside KS X 1001 (Java would read
 * {@code cp949} as {@code x-IBM949}); ASCII and Latin-1 labels mean windows-1252. Other labels
 * go to Java's own lookup.
 */
final class EncodingLabels {
    static final Charset WINDOWS_949 = Charset.forName("x-windows-949");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Map<String, Charset> STANDARD = new HashMap<>();

    static {
        for (String label : new String[] {"cp949", "csksc56011987", "euc-kr", "iso-ir-149", "korean",
                "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"}) {
            STANDARD.put(label, WINDOWS_949);
        }
        for (String label : new String[] {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
                "x-unicode20utf8"}) {
            STANDARD.put(label, StandardCharsets.UTF_8);
        }
        for (String label : new String[] {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
                "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1",
                "latin1", "us-ascii", "windows-1252", "x-cp1252"}) {
            STANDARD.put(label, WINDOWS_1252);
        }
        for (String label : new String[] {"csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff",
                "utf-16", "utf-16le"}) {
            STANDARD.put(label, StandardCharsets.UTF_16LE);
        }
        for (String label : new String[] {"unicodefffe", "utf-16be"}) {
            STANDARD.put(label, StandardCharsets.UTF_16BE);
        }
    }

    private EncodingLabels() {
    }

    /** The encoding a label names, or null when it names none this JVM knows. */
    static Charset lookup(String label) {
        if (label == null) {
            return null;
        }
        String key = label.trim().toLowerCase(Locale.ROOT);
        Charset standard = STANDARD.get(key);
        if (standard != null) {
            return standard;
        }
        try {
            return key.isEmpty() ? null : Charset.forName(key);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
