package com.krleads.scraper.core.lead;

/**
 * The lengths of the {@code leads} columns, as the Flyway schema declares them
 * ({@code V1__schema.sql}; a test reads the schema and compares). A value longer than its
 * column would make the database refuse the whole row.
 */
public final class LeadColumns {
    public static final int COMPANY_NAME = 500;
    public static final int PHONE = 32;
    public static final int EMAIL = 320;
    public static final int WEBSITE = 255;
    public static final int ADDRESS = 1000;
    public static final int CATEGORY = 200;
    public static final int EXTRACTION_METHOD = 20;
    public static final int STATUS = 10;
    public static final int NAME_KEY = 500;
    public static final int BLOCK_KEY = 20;
    public static final int REGION_KEY = 100;
    public static final int AREA_CODE = 8;
    public static final int FALLBACK_KEY = 1600;

    private LeadColumns() {
    }
}
