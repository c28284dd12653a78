package com.krleads.scraper.db;

import static com.krleads.scraper.testing.Fixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.lead.DuplicateCandidate;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.StoreOutcome;
import com.krleads.scraper.core.lead.StoreResult;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link JdbiLeadStore#storeAll}: a page's drafts stored together give what storing them one by one gives. */
class LeadBatchIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private record Db(Jdbi jdbi, JdbiLeadStore store, long sourceId) {
        static Db open(TestDatabase db) {
            Jdbi jdbi = db.freshJdbi();
            return new Db(jdbi, new JdbiLeadStore(jdbi, CLOCK, 0.85), Fixtures.insertSource(jdbi, "seoul-restaurants"));
        }

        List<Lead> leads() {
            return jdbi.withHandle(h -> h.createQuery("SELECT * FROM leads ORDER BY id")
                    .map(new LeadDao.LeadMapper()).list());
        }

        List<DuplicateCandidate> candidates() {
            return jdbi.withHandle(h -> h.createQuery("SELECT * FROM duplicate_candidates ORDER BY id")
                    .map(new DuplicateDao.CandidateMapper()).list());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPageStoredTogetherEndsAsTheSamePageStoredOneByOne(TestDatabase db) {
        Db oneByOne = Db.open(db);
        Db together = Db.open(db);
        List<LeadDraft> earlier = page(new Random(1), 300);
        List<LeadDraft> later = page(new Random(2), 700);
        List<StoreResult> expected = new ArrayList<>();
        for (LeadDraft draft : concat(earlier, later)) {
            expected.add(oneByOne.store().store(oneByOne.sourceId(), draft));
        }

        List<StoreOutcome> outcomes = new ArrayList<>(together.store().storeAll(together.sourceId(), earlier));
        outcomes.addAll(together.store().storeAll(together.sourceId(), later));

        assertThat(outcomes).extracting(StoreOutcome::result).containsExactlyElementsOf(expected);
        assertThat(together.leads()).containsExactlyElementsOf(oneByOne.leads());
        assertThat(together.candidates()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .containsExactlyElementsOf(oneByOne.candidates());
        assertThat(expected).as("the page exercises every path")
                .anyMatch(StoreResult::created).anyMatch(r -> !r.created()).anyMatch(StoreResult::candidateCreated);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nearDuplicatesWithinOnePageBecomeCandidatesAndExactOnesMerge(TestDatabase db) {
        Db store = Db.open(db);
        List<StoreOutcome> outcomes = store.store().storeAll(store.sourceId(), List.of(
                draft("(주)한빛식당", "+8223456789", null, null, "서울특별시 강남구 테헤란로 1"),
                draft("한빛식당 강남점", "+8229998888", null, null, "서울 강남구 역삼로 5"),
                draft("한빛식당", "+8223456789", "info@hanbit.kr", null, null)));

        StoreResult first = outcomes.get(0).result();
        StoreResult near = outcomes.get(1).result();
        StoreResult same = outcomes.get(2).result();
        assertThat(first.created()).isTrue();
        assertThat(near.created()).isTrue();
        assertThat(near.candidateCreated()).isTrue();
        assertThat(same.created()).isFalse();
        assertThat(same.leadId()).isEqualTo(first.leadId());
        assertThat(store.leads()).hasSize(2).first().satisfies(lead -> {
            assertThat(lead.companyName()).isEqualTo("(주)한빛식당");
            assertThat(lead.email()).isEqualTo("info@hanbit.kr");
        });
        assertThat(store.candidates()).singleElement().satisfies(c -> {
            assertThat(c.leadId()).isEqualTo(first.leadId());
            assertThat(c.otherLeadId()).isEqualTo(near.leadId());
            assertThat(c.reason()).contains("서울 강남구");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneBadItemInsideABatchCostsOnlyThatItem(TestDatabase db) {
        Db store = Db.open(db);
        List<LeadDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            drafts.add(draft("가게 " + i, "+822555" + String.format("%04d", i), null, null, "서울 중구"));
        }
        drafts.set(7, draft("가".repeat(600), "+8227770001", null, null, "서울 중구"));

        List<StoreOutcome> outcomes = store.store().storeAll(store.sourceId(), drafts);

        assertThat(outcomes).hasSize(20);
        assertThat(outcomes.get(7).isRejected()).isTrue();
        assertThat(outcomes.get(7).rejection()).hasMessageStartingWith("the database refused the item (SQLSTATE 22");
        assertThat(outcomes).filteredOn(o -> !o.isRejected()).hasSize(19).allMatch(o -> o.result().created());
        assertThat(store.leads()).hasSize(19).noneMatch(lead -> lead.phone().equals("+8227770001"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void batchesRacingOnTheSameKeysStoreEachKeyOnce(TestDatabase db) throws Exception {
        Db store = Db.open(db);
        List<LeadDraft> page = page(new Random(3), 400);
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<StoreOutcome>>> runs = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<List<StoreOutcome>> task = () -> {
                    go.await();
                    return store.store().storeAll(store.sourceId(), page);
                };
                runs.add(pool.submit(task));
            }
            go.countDown();
            for (Future<List<StoreOutcome>> run : runs) {
                assertThat(run.get()).noneMatch(StoreOutcome::isRejected);
            }
        } finally {
            pool.shutdownNow();
        }
        Db alone = Db.open(db);
        alone.store().storeAll(alone.sourceId(), page);
        assertThat(store.leads()).extracting(Lead::phone, Lead::email, Lead::website)
                .containsExactlyInAnyOrderElementsOf(alone.leads().stream()
                        .map(l -> org.assertj.core.groups.Tuple.tuple(l.phone(), l.email(), l.website())).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theNearDuplicateReadStopsAtItsLimitHoweverLargeTheBlock(TestDatabase db) {
        Db store = Db.open(db);
        store.jdbi().useHandle(h -> {
            // The block's leads first, then newer leads of other blocks: the newest ids are not the block's.
            org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO leads (company_name, block_key, region_key, area_code, first_seen, last_seen)
                    VALUES (:name, :block, '서울 강남구', '02', :now, :now)""");
            for (int i = 0; i < 25_000; i++) {
                String block = i < 5_000 ? "한빛" : "누" + (i % 500);
                batch.bind("name", block + i).bind("block", block).bind("now", CLOCK.instant()).add();
            }
            batch.execute();
            h.execute("ANALYZE");
            for (String sql : List.of(LeadDao.NEAR_BY_REGION, LeadDao.NEAR_BY_AREA)) {
                String plan = String.join("\n", h.createQuery((db == TestDatabase.H2 ? "EXPLAIN ANALYZE " :
                        "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ") + sql)
                        .bind("block", "한빛").bind("signal", sql == LeadDao.NEAR_BY_REGION ? "서울 강남구" : "02")
                        .mapTo(String.class).list());
                System.out.println(plan);
                if (db == TestDatabase.H2) {
                    assertThat(plan).contains("index sorted").contains("scanCount: 50");
                } else {
                    assertThat(plan).doesNotContain("Sort").containsPattern("Index Scan using idx_leads_block_\\w+ on leads"
                            + " \\(actual rows=50(\\.00)? loops=1\\)");
                }
            }
        });
    }

    /**
     * Drafts of one district where names repeat with small changes, phones and e-mails recur (exact
     * duplicates, also of leads stored by an earlier page), a sighting sometimes shows another lead's
     * e-mail, and some leads have no contact at all.
     */
    private static List<LeadDraft> page(Random random, int size) {
        String[] stems = {"한빛식당", "한빛분식", "한빛 식당", "누리공방", "누리 공방", "가람상사", "솔빛카페", "솔빛 카페"};
        String[] regions = {"서울 강남구 테헤란로 ", "서울특별시 강남구 역삼로 ", "부산 해운대구 해변로 ", null};
        List<LeadDraft> drafts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String name = stems[random.nextInt(stems.length)] + (random.nextInt(3) == 0 ? "" : " " + random.nextInt(40));
            String region = regions[random.nextInt(regions.length)];
            String address = region == null ? null : region + (1 + random.nextInt(30));
            int kind = random.nextInt(10);
            String phone = kind < 7 ? "+822" + (3_000_000 + random.nextInt(600)) : null;
            String email = kind >= 5 && kind < 9 ? "shop" + random.nextInt(300) + "@example.kr" : null;
            String website = kind == 6 ? "shop" + random.nextInt(200) + ".example.kr" : null;
            drafts.add(draft(name, phone, email, website, address));
        }
        return drafts;
    }

    private static List<LeadDraft> concat(List<LeadDraft> a, List<LeadDraft> b) {
        List<LeadDraft> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
