package com.krleads.scraper.testing;

import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.db.SourceDao;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Builders of test data. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Source source(String name) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Source(0, name, "https://directory.example.kr/seoul/food",
                new Selectors(".listing", ".name", ".tel", "a[href^=mailto]", "a.homepage", ".addr", ".cat", "a.next"),
                5, 500, true, now, now);
    }

    public static long insertSource(Jdbi jdbi, String name) {
        return jdbi.onDemand(SourceDao.class).insert(source(name)).id();
    }

    public static LeadDraft draft(String name, String phone, String email, String website, String address) {
        return new LeadDraft(name, phone, email, website, address, "음식점", "selector", null, null);
    }
}
