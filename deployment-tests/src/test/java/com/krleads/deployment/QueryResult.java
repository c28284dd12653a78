package com.krleads.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The answer of an instant query as series (label set without {@code __name__}, value), sorted by labels. */
record QueryResult(String error, Map<String, Double> series) {

    static QueryResult of(JsonNode answer) {
        if (!"success".equals(answer.path("status").asText())) {
            return new QueryResult(answer.path("errorType").asText() + ": " + answer.path("error").asText(), Map.of());
        }
        Map<String, Double> series = new TreeMap<>();
        JsonNode data = answer.path("data");
        if ("scalar".equals(data.path("resultType").asText())) {
            series.put("{}", value(data.path("result")));
        } else {
            for (JsonNode item : data.path("result")) {
                series.put(labels(item.path("metric")), value(item.path("value")));
            }
        }
        return new QueryResult(null, Collections.unmodifiableMap(series));
    }

    boolean ok() {
        return error == null;
    }

    /** The single value of a result with one series; NaN when empty. */
    double single() {
        return series.size() == 1 ? series.values().iterator().next() : Double.NaN;
    }

    /** The series whose value is a number: NaN reads "no data" in Grafana, as an absent series does. */
    Map<String, Double> withoutNaN() {
        Map<String, Double> numbers = new TreeMap<>(series);
        numbers.values().removeIf(v -> Double.isNaN(v));
        return numbers;
    }

    List<Double> values() {
        return new ArrayList<>(series.values());
    }

    private static double value(JsonNode pair) {
        String text = pair.path(1).asText();
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String labels(JsonNode metric) {
        Map<String, String> sorted = new TreeMap<>();
        metric.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("__name__")) {
                sorted.put(e.getKey(), e.getValue().asText());
            }
        });
        return sorted.toString();
    }
}
