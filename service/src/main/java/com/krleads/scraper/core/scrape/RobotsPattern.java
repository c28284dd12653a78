package com.krleads.scraper.core.scrape;

import java.util.Arrays;
import java.util.List;

/**
 * The path pattern of one robots.txt rule (RFC 9309 section 2.2.3): {@code *} matches any
 * run of characters, a final {@code $} anchors the end, anything else is literal and the
 * pattern is matched from the start of the path.
 *
 * <p>No regular expression: the literal pieces between the wildcards are placed left to right,
 * each at its first occurrence after the previous one. For {@code *}-only patterns the leftmost
 * placement is always a correct one, so nothing is ever tried twice and a match costs at most
 * path length times pattern length, whatever the rule (a rule of forty {@code *a} against a
 * path of sixty {@code a} is a few thousand character comparisons, where a backtracking regex
 * never finishes).
 */
final class RobotsPattern {
    private final List<String> pieces;
    private final boolean anchored;

    private RobotsPattern(List<String> pieces, boolean anchored) {
        this.pieces = pieces;
        this.anchored = anchored;
    }

    static RobotsPattern of(String rule) {
        boolean anchored = rule.endsWith("$");
        String body = anchored ? rule.substring(0, rule.length() - 1) : rule;
        return new RobotsPattern(Arrays.asList(body.split("\\*", -1)), anchored);
    }

    /** True when the pattern matches {@code path} from its first character. */
    boolean matches(String path) {
        String first = pieces.get(0);
        if (!path.startsWith(first)) {
            return false;
        }
        int last = pieces.size() - 1;
        if (last == 0) {
            return !anchored || path.length() == first.length();
        }
        int pos = first.length();
        for (int i = 1; i < last; i++) {
            int found = path.indexOf(pieces.get(i), pos);
            if (found < 0) {
                return false;
            }
            pos = found + pieces.get(i).length();
        }
        String tail = pieces.get(last);
        return anchored
                ? path.length() - tail.length() >= pos && path.endsWith(tail)
                : path.indexOf(tail, pos) >= 0;
    }
}
