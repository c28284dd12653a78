package com.krleads.scraper.core.scrape;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one robots.txt (RFC 9309) that apply to one user agent: the groups naming our
 * product token, else the {@code *} groups. A path is allowed unless the longest matching rule
 * is a Disallow; on a tie Allow wins. {@code *} matches any characters, a final {@code $}
 * anchors the end.
 */
public final class RobotsRules {
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private record Rule(boolean allow, int length, Pattern pattern) {
    }

    private static final class Group {
        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
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
            if (!rule.pattern().matcher(path).lookingAt()) {
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
        boolean anchored = encoded.endsWith("$");
        String body = anchored ? encoded.substring(0, encoded.length() - 1) : encoded;
        StringBuilder regex = new StringBuilder();
        for (String piece : body.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            if (!piece.isEmpty()) {
                regex.append(Pattern.quote(piece));
            }
        }
        if (anchored) {
            regex.append('$');
        }
        return new Rule(allow, encoded.length(), Pattern.compile(regex.toString(), Pattern.DOTALL));
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
