package com.krleads.dashboards.rules;

/** Prometheus alert template snippets for annotations. */
final class Templates {
    static final String VALUE = "{{ $value }}";
    static final String VALUE_PERCENT = "{{ $value | humanizePercentage }}";
    static final String VALUE_DURATION = "{{ $value | humanizeDuration }}";

    private Templates() {
    }

    /** The value of one of the alert's labels. */
    static String label(String name) {
        return "{{ $labels." + name + " }}";
    }
}
