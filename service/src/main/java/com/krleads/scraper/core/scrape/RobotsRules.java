package com.krleads.scraper.core.scrape;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt (RFC 9309) that apply to one user agent: the groups naming our
 * product token, else the {@code *} groups. A path is allowed unless the longest matching rule
 * is a Disallow; on a tie Allow wins. {@code *} matches any characters, a final {@code $}
 * anchors the end ({@link RobotsPattern}, linear in the path, whatever the rule). Only the
 * first {@link #MAX_BYTES} of a robots.txt are read, as RFC 9309 section 2.5 allows.
 */
public final class RobotsRules {
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    /** RFC 9309 asks crawlers to parse at least the first 500 KiB; we parse exactly that much. */
    public static final int MAX_BYTES = 500 * 1024;

    private record Rule(boolean allow, int length, RobotsPattern pattern) {
    }

    private static final class Group {
        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Parses a robots.txt that may have been cut at {@link #MAX_BYTES}: when {@code truncated},
     * the last, possibly partial line is dropped so that half a rule never applies.
     */
    public static RobotsRules parse(String robotsTxt, String userAgent, boolean truncated) {
        String text = robotsTxt;
        if (truncated) {
            int lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
            text = lastBreak < 0 ? "" : text.substring(0, lastBreak);
        }
        return parse(text, userAgent);
    }

    public static RobotsRules parse(String robotsTxt, String userAgent) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        boolean lastWasAgent = false;
        for (String rawLine : robotsTxt.split("\\r?\\n|\\r")) {
            String line = stripComment(rawLine).trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent")) {
                if (current == null || !lastWasAgent) {
                    current = new Group();
                    groups.add(current);
                }
                current.agents.add(value.toLowerCase(Locale.ROOT));
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current != null && (key.equals("allow") || key.equals("disallow")) && !value.isEmpty()) {
                current.rules.add(rule(key.equals("allow"), value));
            }
        }
        return new RobotsRules(select(groups, productToken(userAgent)));
    }

    /** {@code pathAndQuery} as sent on the request line, e.g. {@code /seoul/food?page=2}. */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule rule : rules) {
            if (!rule.pattern().matches(path)) {
                continue;
            }
            if (best == null || rule.length() > best.length() || (rule.length() == best.length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** The name robots.txt groups are matched against: {@code KRLeadScraper/0.1 (...)} gives {@code krleadscraper}. */
    static String productToken(String userAgent) {
        StringBuilder token = new StringBuilder();
        for (char c : userAgent.trim().toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                break;
            }
            token.append(c);
        }
        return token.toString().toLowerCase(Locale.ROOT);
    }

    private static List<Rule> select(List<Group> groups, String token) {
        List<Rule> specific = new ArrayList<>();
        List<Rule> wildcard = new ArrayList<>();
        boolean specificFound = false;
        for (Group group : groups) {
            if (!token.isEmpty() && group.agents.contains(token)) {
                specific.addAll(group.rules);
                specificFound = true;
            } else if (group.agents.contains("*")) {
                wildcard.addAll(group.rules);
            }
        }
        return List.copyOf(specificFound ? specific : wildcard);
    }

    private static Rule rule(boolean allow, String value) {
        String encoded = encodeNonAscii(value);
        return new Rule(allow, encoded.length(), RobotsPattern.of(encoded));
    }

    /** Request paths are percent-encoded; robots.txt authors often write Korean paths raw. */
    private static String encodeNonAscii(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
