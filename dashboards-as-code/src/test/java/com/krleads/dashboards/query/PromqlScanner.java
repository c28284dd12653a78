package com.krleads.dashboards.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one PromQL scanner of the build-time checks: finds an expression's series selectors (each
 * with its label matchers, its range when it is a range vector and the function it is passed to
 * directly), the functions and aggregations it calls and the labels it groups by. Identifiers
 * followed by {@code (} are functions; those inside the parentheses of {@code by},
 * {@code without}, {@code on}, {@code ignoring}, {@code group_left} and {@code group_right} are
 * labels; other identifiers (not keywords) are metric names. String literals, range durations
 * and offset durations are skipped. A small scanner, not a full parser: whether the expression
 * parses at all is left to promtool. The linter reads the selectors, {@link PromqlNames} the names.
 */
public final class PromqlScanner {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    /** {@code label op "value"} inside braces. */
    public record Matcher(String label, String op, String value) {
    }

    /**
     * One selector. {@code range} is the text inside {@code [...]}, or null for an instant
     * vector; {@code call} is the function whose direct argument it is, or null.
     */
    public record Selector(String name, List<Matcher> matchers, String range, String call) {
        public boolean hasMatcher(String label, String op, String value) {
            return matchers.stream().anyMatch(m -> m.label.equals(label) && m.op.equals(op) && m.value.equals(value));
        }
    }

    private final String expr;
    private final List<Selector> selectors = new ArrayList<>();
    private final Set<String> functions = new TreeSet<>();
    private final Set<String> groupingLabels = new TreeSet<>();
    /** One entry per open parenthesis: the function it belongs to, or "" for plain grouping. */
    private final Deque<String> calls = new ArrayDeque<>();
    private int pos;
    /** The last character that was not whitespace, before the current token. */
    private char previous;

    private PromqlScanner(String expr) {
        this.expr = expr;
    }

    public static PromqlScanner of(String expr) {
        PromqlScanner scanner = new PromqlScanner(expr);
        scanner.scan();
        return scanner;
    }

    /** The selectors in the order they are written. */
    public List<Selector> selectors() {
        return selectors;
    }

    /** The functions and aggregations called. */
    public Set<String> functions() {
        return functions;
    }

    /** The labels of every {@code by (...)}, {@code on (...)} and the like. */
    public Set<String> groupingLabels() {
        return groupingLabels;
    }

    private void scan() {
        while (pos < expr.length()) {
            char c = expr.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            } else if (c == '(') {
                calls.push("");
                pos++;
            } else if (c == ')') {
                if (!calls.isEmpty()) {
                    calls.pop();
                }
                pos++;
            } else if (c == '[') {
                pos = close(']');
            } else if (c == '{') {
                selector(null);
                continue;
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < expr.length() && Character.isDigit(expr.charAt(pos + 1)))) {
                while (pos < expr.length() && (Character.isLetterOrDigit(expr.charAt(pos)) || expr.charAt(pos) == '.')) {
                    pos++;
                }
            } else if (isIdentStart(c)) {
                identifier();
                continue;
            } else {
                pos++;
            }
            previous = c;
        }
    }

    private void identifier() {
        int start = pos;
        while (pos < expr.length() && isIdentPart(expr.charAt(pos))) {
            pos++;
        }
        String ident = expr.substring(start, pos);
        String lower = ident.toLowerCase(Locale.ROOT);
        if (KEYWORDS.contains(lower)) {
            if (lower.equals("offset")) {
                pos = afterDuration(pos);
            }
            previous = 'k';
            return;
        }
        int next = skipSpaces(pos);
        if (GROUPING.contains(lower)) {
            if (next < expr.length() && expr.charAt(next) == '(') {
                labelList(next + 1);
            }
            previous = ')';
            return;
        }
        if (next < expr.length() && expr.charAt(next) == '(') {
            functions.add(ident);
            calls.push(ident);
            pos = next + 1;
            previous = '(';
            return;
        }
        selector(ident);
    }

    /** At a metric name's end or at a bare {@code {}: reads matchers and an optional range. */
    private void selector(String name) {
        boolean direct = previous == '(' || previous == ',';
        String call = direct && !calls.isEmpty() && !calls.peek().isEmpty() ? calls.peek() : null;
        List<Matcher> matchers = new ArrayList<>();
        pos = skipSpaces(pos);
        if (pos < expr.length() && expr.charAt(pos) == '{') {
            pos++;
            matchers(matchers);
        }
        String range = null;
        int next = skipSpaces(pos);
        if (next < expr.length() && expr.charAt(next) == '[') {
            int end = expr.indexOf(']', next);
            range = expr.substring(next + 1, end);
            pos = end + 1;
        }
        selectors.add(new Selector(name, List.copyOf(matchers), range, call));
        previous = 's';
    }

    private void matchers(List<Matcher> into) {
        while (pos < expr.length() && expr.charAt(pos) != '}') {
            char c = expr.charAt(pos);
            if (isIdentStart(c)) {
                int start = pos;
                while (pos < expr.length() && isIdentPart(expr.charAt(pos))) {
                    pos++;
                }
                String label = expr.substring(start, pos);
                pos = skipSpaces(pos);
                int opStart = pos;
                while (pos < expr.length() && "=!~".indexOf(expr.charAt(pos)) >= 0) {
                    pos++;
                }
                String op = expr.substring(opStart, pos);
                pos = skipSpaces(pos);
                char quote = expr.charAt(pos);
                int valueStart = pos + 1;
                skipString(quote);
                into.add(new Matcher(label, op, expr.substring(valueStart, pos - 1)));
            } else {
                pos++;
            }
        }
        pos++;
    }

    /** {@code a, b, c)} after a grouping keyword's parenthesis. */
    private void labelList(int from) {
        int end = expr.indexOf(')', from);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed ( in " + expr);
        }
        for (String part : expr.substring(from, end).split(",")) {
            if (!part.isBlank()) {
                groupingLabels.add(part.strip());
            }
        }
        pos = end + 1;
    }

    /** Past the duration after {@code offset} ({@code 5m}, {@code $__rate_interval}): it names nothing. */
    private int afterDuration(int from) {
        int at = skipSpaces(from);
        while (at < expr.length() && !Character.isWhitespace(expr.charAt(at)) && ")],".indexOf(expr.charAt(at)) < 0) {
            at++;
        }
        return at;
    }

    private int close(char closing) {
        int end = expr.indexOf(closing, pos);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed " + closing + " in " + expr);
        }
        return end + 1;
    }

    private void skipString(char quote) {
        pos++;
        while (pos < expr.length() && expr.charAt(pos) != quote) {
            pos += expr.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }
}
