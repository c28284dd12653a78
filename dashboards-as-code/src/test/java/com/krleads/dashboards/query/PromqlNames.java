package com.krleads.dashboards.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small PromQL tokenizer for build-time checks: finds the metric names, label names and
 * functions an expression uses. Identifiers followed by {@code (} are functions or aggregations;
 * identifiers inside {@code {...}} before a matcher operator, and inside the parentheses of
 * {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left} and
 * {@code group_right}, are label names; other identifiers (not keywords) are metric names.
 * String literals, range durations in {@code [...]} and offset durations are skipped.
 */
public final class PromqlNames {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

    private final Set<String> metrics = new TreeSet<>();
    private final Set<String> labels = new TreeSet<>();
    private final Set<String> functions = new TreeSet<>();
    private final String expr;
    private int pos;

    private PromqlNames(String expr) {
        this.expr = expr;
    }

    public static PromqlNames of(String expr) {
        PromqlNames names = new PromqlNames(expr);
        names.scan();
        return names;
    }

    public Set<String> metrics() {
        return metrics;
    }

    public Set<String> labels() {
        return labels;
    }

    public Set<String> functions() {
        return functions;
    }

    private void scan() {
        while (pos < expr.length()) {
            char c = expr.charAt(pos);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            } else if (c == '[') {
                pos = expr.indexOf(']', pos) + 1;
                if (pos == 0) {
                    throw new IllegalArgumentException("unclosed [ in " + expr);
                }
            } else if (c == '{') {
                matchers();
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < expr.length() && Character.isDigit(expr.charAt(pos + 1)))) {
                skipNumber();
            } else if (isIdentStart(c)) {
                identifier();
            } else {
                pos++;
            }
        }
    }

    private void identifier() {
        String ident = readIdent();
        String lower = ident.toLowerCase(java.util.Locale.ROOT);
        if (KEYWORDS.contains(lower)) {
            if (lower.equals("offset")) {
                pos = afterDuration(expr, pos);
            }
            return;
        }
        if (GROUPING.contains(lower)) {
            if (peekNonSpace() == '(') {
                labelList();
            }
            return;
        }
        if (peekNonSpace() == '(') {
            functions.add(ident);
        } else {
            metrics.add(ident);
        }
    }

    /** Past the duration after {@code offset} ({@code 5m}, {@code $__rate_interval}): it names nothing. */
    public static int afterDuration(String expr, int from) {
        int at = from;
        while (at < expr.length() && Character.isWhitespace(expr.charAt(at))) {
            at++;
        }
        while (at < expr.length() && !Character.isWhitespace(expr.charAt(at)) && ")],".indexOf(expr.charAt(at)) < 0) {
            at++;
        }
        return at;
    }

    /** {@code (a, b, c)} after a grouping keyword. */
    private void labelList() {
        pos = expr.indexOf('(', pos) + 1;
        int end = expr.indexOf(')', pos);
        for (String part : expr.substring(pos, end).split(",")) {
            if (!part.isBlank()) {
                labels.add(part.strip());
            }
        }
        pos = end + 1;
    }

    /** {@code {name op "value", ...}}: records each name. */
    private void matchers() {
        pos++;
        while (pos < expr.length() && expr.charAt(pos) != '}') {
            char c = expr.charAt(pos);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            } else if (isIdentStart(c)) {
                labels.add(readIdent());
            } else {
                pos++;
            }
        }
        pos++;
    }

    private String readIdent() {
        int start = pos;
        while (pos < expr.length() && isIdentPart(expr.charAt(pos))) {
            pos++;
        }
        return expr.substring(start, pos);
    }

    private void skipString(char quote) {
        pos++;
        while (pos < expr.length() && expr.charAt(pos) != quote) {
            pos += expr.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    private void skipNumber() {
        while (pos < expr.length() && (Character.isLetterOrDigit(expr.charAt(pos)) || expr.charAt(pos) == '.')) {
            pos++;
        }
    }

    private char peekNonSpace() {
        int i = pos;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i < expr.length() ? expr.charAt(i) : 0;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':';
    }

    /** Problems of an expression against the known names, empty when it is clean. */
    public static List<String> problems(String expr, Set<String> knownMetrics, Set<String> knownLabels, Set<String> knownFunctions) {
        PromqlNames names = of(expr);
        List<String> problems = new ArrayList<>();
        names.metrics.stream().filter(m -> !knownMetrics.contains(m)).forEach(m -> problems.add("unknown metric " + m + " in " + expr));
        names.labels.stream().filter(l -> !knownLabels.contains(l)).forEach(l -> problems.add("unknown label " + l + " in " + expr));
        names.functions.stream().filter(f -> !knownFunctions.contains(f)).forEach(f -> problems.add("unknown function " + f + " in " + expr));
        return problems;
    }
}
