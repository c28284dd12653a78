package com.krleads.scraper.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus text format read back into series, for assertions on exact values. */
public final class ParsedScrape {
    public record Series(String name, Map<String, String> labels, double value) {
    }

    public final List<Series> series = new ArrayList<>();
    /** Family name to type, from the {@code # TYPE} lines, in order. */
    public final List<String[]> types = new ArrayList<>();

    public static ParsedScrape parse(String text) {
        ParsedScrape scrape = new ParsedScrape();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                scrape.types.add(line.substring(7).split(" "));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                scrape.series.add(parseLine(line));
            }
        }
        return scrape;
    }

    private static Series parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        if (brace < 0 || brace > space) {
            return new Series(line.substring(0, space), Map.of(), Double.parseDouble(line.substring(space + 1)));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String name = line.substring(i, eq);
            StringBuilder value = new StringBuilder();
            i = eq + 2;
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\') {
                    char escaped = line.charAt(i++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(name, value.toString());
            i++;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return new Series(line.substring(0, brace), labels, Double.parseDouble(line.substring(line.indexOf(' ', i) + 1)));
    }

    /** The one series of {@code name} whose labels are exactly these name/value pairs. */
    public double value(String name, String... labelPairs) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        List<Series> found = series.stream().filter(s -> s.name.equals(name) && s.labels.equals(wanted)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one series " + name + wanted + ", found " + found);
        }
        return found.get(0).value;
    }

    public double sum(String name) {
        return named(name).stream().mapToDouble(Series::value).sum();
    }

    public List<Series> named(String name) {
        return series.stream().filter(s -> s.name.equals(name)).toList();
    }
}
