package com.krleads.scraper;

import com.krleads.scraper.testing.TestDatabase;

/** {@link ScrapingEndToEnd} on the embedded default database. */
class ScrapingOnH2IT extends ScrapingEndToEnd {
    ScrapingOnH2IT() {
        super(TestDatabase.H2);
    }
}
