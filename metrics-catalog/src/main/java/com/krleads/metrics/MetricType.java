package com.krleads.metrics;

/** The Prometheus type a family is exposed as. */
public enum MetricType {
    COUNTER("counter"),
    GAUGE("gauge"),
    HISTOGRAM("histogram"),
    /** Only for families we read but do not record ourselves (for example the JVM's GC summary). */
    SUMMARY("summary");

    private final String exposition;

    MetricType(String exposition) {
        this.exposition = exposition;
    }

    /** The word used on the {@code # TYPE} line. */
    public String exposition() {
        return exposition;
    }
}
