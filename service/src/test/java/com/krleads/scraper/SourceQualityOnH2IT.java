package com.krleads.scraper;

import com.krleads.scraper.testing.TestDatabase;

/** {@link SourceQualityEndToEnd} on the embedded default database. */
class SourceQualityOnH2IT extends SourceQualityEndToEnd {
    SourceQualityOnH2IT() {
        super(TestDatabase.H2);
    }
}
