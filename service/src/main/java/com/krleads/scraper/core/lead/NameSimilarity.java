package com.krleads.scraper.core.lead;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Company-name similarity for near-duplicate detection: Jaro-Winkler on normalized names.
 * Normalizing drops Korean and English legal forms, case, spaces and punctuation, so
 * "(주)한빛식당" and "한빛 식당" compare equal.
 */
public final class NameSimilarity {
    private static final Pattern LEGAL_FORMS = Pattern.compile(
            "\\(주\\)|\\(유\\)|\\(사\\)|주식회사|유한회사|합자회사|\\b(co|ltd|inc|corp|llc)\\b\\.?");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final double WINKLER_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private NameSimilarity() {
    }

    /** The comparable form of a company name, or null when nothing is left. */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = LEGAL_FORMS.matcher(s).replaceAll(" ");
        s = NOT_LETTER_OR_DIGIT.matcher(s).replaceAll("");
        return s.isEmpty() ? null : s;
    }

    /** Similarity in 0..1 of two raw names; 0 when either has no comparable form. */
    public static double similarity(String a, String b) {
        return similarityOfNormalized(normalize(a), normalize(b));
    }

    /** Similarity in 0..1 of two names already {@link #normalize normalized}; 0 when either is null. */
    public static double similarityOfNormalized(String a, String b) {
        return a == null || b == null ? 0.0 : jaroWinkler(a, b);
    }

    /** Jaro-Winkler similarity of two already normalized strings, by code point. */
    public static double jaroWinkler(String a, String b) {
        int[] s = a.codePoints().toArray();
        int[] t = b.codePoints().toArray();
        double jaro = jaro(s, t);
        int prefix = 0;
        while (prefix < Math.min(MAX_PREFIX, Math.min(s.length, t.length)) && s[prefix] == t[prefix]) {
            prefix++;
        }
        return jaro + prefix * WINKLER_SCALE * (1.0 - jaro);
    }

    private static double jaro(int[] s, int[] t) {
        if (s.length == 0 && t.length == 0) {
            return 1.0;
        }
        if (s.length == 0 || t.length == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(s.length, t.length) / 2 - 1);
        boolean[] sMatched = new boolean[s.length];
        boolean[] tMatched = new boolean[t.length];
        int matches = 0;
        for (int i = 0; i < s.length; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(t.length - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!tMatched[j] && s[i] == t[j]) {
                    sMatched[i] = true;
                    tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (sMatched[i]) {
                while (!tMatched[k]) {
                    k++;
                }
                if (s[i] != t[k]) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / s.length + m / t.length + (m - transpositions / 2.0) / m) / 3.0;
    }
}
