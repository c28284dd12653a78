package com.krleads.scraper.resources;

import com.krleads.scraper.testing.TestDatabase;

/** {@link StrictInputCases} on real PostgreSQL (embedded binaries). */
class StrictInputOnPostgresIT extends StrictInputCases {
    StrictInputOnPostgresIT() {
        super(TestDatabase.POSTGRES);
    }
}
