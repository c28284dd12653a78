package com.krleads.scraper;

import com.krleads.scraper.testing.TestDatabase;

/** {@link ScrapingEndToEnd} on real PostgreSQL (embedded binaries). */
class ScrapingOnPostgresIT extends ScrapingEndToEnd {
    ScrapingOnPostgresIT() {
        super(TestDatabase.POSTGRES);
    }
}
