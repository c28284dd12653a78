package com.krleads.scraper.resources;

import com.krleads.scraper.testing.TestDatabase;

/** {@link StrictInputCases} on the embedded default, H2. */
class StrictInputOnH2IT extends StrictInputCases {
    StrictInputOnH2IT() {
        super(TestDatabase.H2);
    }
}
