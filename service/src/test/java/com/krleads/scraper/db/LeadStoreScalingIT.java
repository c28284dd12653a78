package com.krleads.scraper.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadKeys;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/**
 * Storing a lead does the same work at 10,000 and at 100,000 stored leads: every lookup of
 * {@link JdbiLeadStore} reads its own index, which PostgreSQL's plans show. The per-lead
 * times are printed for the record only; a timed assertion would be flaky, the plans are not.
 */
class LeadStoreScalingIT {
    private static final String[] SYLLABLES = ("가나다라마바사아자차카타파하한빛누리솔미래동서남북강산"
            + "해달별꽃숲들샘길").split("");
    private static final String[] REGIONS = {"서울 강남구", "서울 종로구", "서울 마포구", "부산 해운대구", "부산 중구",
        "대구 중구", "인천 남동구", "광주 서구", "대전 유성구", "울산 남구", "경기 수원시", "경기 성남시"};
    private static final String[] AREAS = {"2", "51", "53", "32", "62", "42", "52", "31"};

    private final Random random = new Random(42);

    @Test
    void everyStoreLookupUsesItsIndexAtTenAndAHundredThousandLeads() {
        Jdbi jdbi = TestDatabase.POSTGRES.freshJdbi();
        long sourceId = Fixtures.insertSource(jdbi, "scaling");
        JdbiLeadStore store = new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85);

        long t0 = System.nanoTime();
        load(jdbi, sourceId, 0, 10_000);
        System.out.printf("load 10k: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        measure(store, sourceId, 300, 1_000_000);
        double at10k = medianOfThree(store, sourceId, 2_000_000);
        assertLookupsUseIndexes(jdbi);

        t0 = System.nanoTime();
        load(jdbi, sourceId, 10_000, 100_000);
        System.out.printf("load 90k: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        double at100k = medianOfThree(store, sourceId, 3_000_000);
        jdbi.useHandle(h -> System.out.println(plan(h, LeadDao.NEAR_BY_REGION,
                Map.of("block", "한빛", "signal", "서울 강남구"))));
        assertLookupsUseIndexes(jdbi);

        System.out.printf("Per-lead store time: %.3f ms at 10,000 leads, %.3f ms at 100,000 leads%n", at10k, at100k);
        assertThat(jdbi.onDemand(LeadDao.class).countAll()).isGreaterThan(100_000);
    }

    @Test
    void onH2TooEveryStoreLookupReadsItsIndex() {
        Jdbi jdbi = TestDatabase.H2.freshJdbi();
        load(jdbi, Fixtures.insertSource(jdbi, "h2-scaling"), 0, 5_000);
        jdbi.useHandle(h -> {
            assertThat(plan(h, LeadDao.FIND_BY_PHONE, Map.of("key", "+8221234567"))).contains("uq_leads_phone");
            assertThat(plan(h, LeadDao.FIND_BY_EMAIL, Map.of("key", "a@b.kr"))).contains("uq_leads_email");
            assertThat(plan(h, LeadDao.FIND_BY_WEBSITE, Map.of("key", "b.kr"))).contains("uq_leads_website");
            assertThat(plan(h, LeadDao.FIND_BY_FALLBACK, Map.of("key", "x|y"))).contains("uq_leads_fallback");
            assertThat(plan(h, LeadDao.NEAR_BY_REGION, Map.of("block", "한빛", "signal", "서울 강남구")))
                    .contains("idx_leads_block_region");
            assertThat(plan(h, LeadDao.NEAR_BY_AREA, Map.of("block", "한빛", "signal", "02")))
                    .contains("idx_leads_block_area");
        });
    }

    private void assertLookupsUseIndexes(Jdbi jdbi) {
        Map<String, String> expectedIndex = Map.of(
                LeadDao.FIND_BY_PHONE, "uq_leads_phone",
                LeadDao.FIND_BY_EMAIL, "uq_leads_email",
                LeadDao.FIND_BY_WEBSITE, "uq_leads_website",
                LeadDao.FIND_BY_FALLBACK, "uq_leads_fallback");
        jdbi.useHandle(h -> {
            expectedIndex.forEach((sql, index) -> assertThat(plan(h, sql, Map.of("key", "+8221234567")))
                    .as(sql).contains(index).doesNotContain("Seq Scan"));
            assertThat(plan(h, LeadDao.NEAR_BY_REGION, Map.of("block", "한빛", "signal", "서울 강남구")))
                    .contains("idx_leads_block_region").doesNotContain("Seq Scan");
            assertThat(plan(h, LeadDao.NEAR_BY_AREA, Map.of("block", "한빛", "signal", "02")))
                    .contains("idx_leads_block_area").doesNotContain("Seq Scan");
        });
    }

    private static String plan(Handle h, String sql, Map<String, ?> params) {
        List<String> lines = h.createQuery("EXPLAIN " + sql).bindMap(params).mapTo(String.class).list();
        return String.join("\n", lines);
    }

    private double medianOfThree(JdbiLeadStore store, long sourceId, int phoneBase) {
        double[] runs = {measure(store, sourceId, 400, phoneBase), measure(store, sourceId, 400, phoneBase + 1000),
            measure(store, sourceId, 400, phoneBase + 2000)};
        java.util.Arrays.sort(runs);
        return runs[1];
    }

    /** Half of the drafts hit an existing phone (a merge), half are new with a name near others. */
    private double measure(JdbiLeadStore store, long sourceId, int count, int phoneBase) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LeadDraft draft = i % 2 == 0
                    ? Fixtures.draft(name(), phone(random.nextInt(10_000)), null, null, address())
                    : Fixtures.draft(name(), phone(phoneBase + i), null, null, address());
            store.store(sourceId, draft);
        }
        return (System.nanoTime() - started) / 1e6 / count;
    }

    private void load(Jdbi jdbi, long sourceId, int from, int to) {
        Instant now = Instant.now();
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO leads (company_name, phone, email, website, address, source_id, name_key, block_key,
                                       region_key, area_code, first_seen, last_seen)
                    VALUES (:name, :phone, :email, :website, :address, :sourceId, :nameKey, :blockKey,
                            :regionKey, :areaCode, :now, :now)
                    """);
            for (int i = from; i < to; i++) {
                String name = name();
                String phone = phone(i);
                String address = address();
                String email = i % 3 == 0 ? "contact" + i + "@example.kr" : null;
                String website = i % 4 == 0 ? "shop" + i + ".example.kr" : null;
                LeadKeys keys = LeadKeys.of(name, phone, email, website, address);
                batch.bind("name", name).bind("phone", phone).bind("email", email).bind("website", website)
                        .bind("address", address).bind("sourceId", sourceId).bind("nameKey", keys.nameKey())
                        .bind("blockKey", keys.blockKey()).bind("regionKey", keys.regionKey())
                        .bind("areaCode", keys.areaCode()).bind("now", now).add();
                if (batch.size() == 5_000) {
                    batch.execute();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
            h.execute("ANALYZE");
        });
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        int length = 3 + random.nextInt(4);
        for (int i = 0; i < length; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return random.nextInt(5) == 0 ? "(주)" + name : name.toString();
    }

    private String phone(int n) {
        String area = AREAS[Math.floorMod(n, AREAS.length)];
        return "+82" + area + String.format("%08d", n);
    }

    private String address() {
        return REGIONS[random.nextInt(REGIONS.length)] + " 중앙로 " + (1 + random.nextInt(300));
    }
}
