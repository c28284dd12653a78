package com.krleads.scraper;

import com.krleads.scraper.testing.TestDatabase;

/** {@link SourceQualityEndToEnd} on PostgreSQL, where one replica reports the findings by advisory lock. */
class SourceQualityOnPostgresIT extends SourceQualityEndToEnd {
    SourceQualityOnPostgresIT() {
        super(TestDatabase.POSTGRES);
    }
}
