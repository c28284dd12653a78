package com.krleads.dashboards.rulefile;

/** Prometheus alert template snippets for annotations. */
public final class Templates {
    public static final String VALUE = "{{ $value }}";
    public static final String VALUE_PERCENT = "{{ $value | humanizePercentage }}";
    public static final String VALUE_DURATION = "{{ $value | humanizeDuration }}";

    private Templates() {
    }

    /** The value of one of the alert's labels. */
    public static String label(String name) {
        return "{{ $labels." + name + " }}";
    }
}
