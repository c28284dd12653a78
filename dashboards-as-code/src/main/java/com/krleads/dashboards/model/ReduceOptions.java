package com.krleads.dashboards.model;

import java.util.List;
import java.util.Map;

/** The "calculation" of single-value panels: which reducer turns a series into one number. */
final class ReduceOptions {
    private ReduceOptions() {
    }

    static Map<String, Object> of(String calc) {
        return Map.of("calcs", List.of(calc), "fields", "", "values", false);
    }
}
