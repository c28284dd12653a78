package com.krleads.dashboards.model;

/** Reference to a datasource by plugin type and uid. */
public final class DataSourceRef {
    private final String type;
    private final String uid;

    private DataSourceRef(String type, String uid) {
        this.type = type;
        this.uid = uid;
    }

    public static DataSourceRef of(String type, String uid) {
        return new DataSourceRef(type, uid);
    }

    public String type() {
        return type;
    }

    public String uid() {
        return uid;
    }
}
