package com.krleads.scraper.db;

import static com.krleads.scraper.testing.Fixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.scraper.core.lead.DuplicateCandidate;
import com.krleads.scraper.core.lead.ItemRejectedException;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.core.lead.LeadSanitizer;
import com.krleads.scraper.core.lead.StoreResult;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbiLeadStoreIT {
    private Jdbi jdbi;
    private JdbiLeadStore store;
    private LeadDao leads;
    private DuplicateDao duplicates;
    private long sourceId;

    private void open(TestDatabase db) {
        jdbi = db.freshJdbi();
        store = new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85);
        leads = jdbi.onDemand(LeadDao.class);
        duplicates = jdbi.onDemand(DuplicateDao.class);
        sourceId = Fixtures.insertSource(jdbi, "seoul-restaurants");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesANewLeadWithItsFields(TestDatabase db) {
        open(db);
        StoreResult result = store.store(sourceId, draft("한빛식당", "+8223456789", "info@hanbit.kr", "hanbit.kr",
                "서울특별시 강남구 테헤란로 1"));

        assertThat(result.created()).isTrue();
        assertThat(result.candidateCreated()).isFalse();
        Lead lead = leads.findById(result.leadId()).orElseThrow();
        assertThat(lead.companyName()).isEqualTo("한빛식당");
        assertThat(lead.phone()).isEqualTo("+8223456789");
        assertThat(lead.sourceId()).isEqualTo(sourceId);
        assertThat(lead.firstSeen()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExactPhoneMatchMergesAndFillsMissingFields(TestDatabase db) {
        open(db);
        StoreResult first = store.store(sourceId, draft("한빛식당", "+8223456789", null, null, null));
        StoreResult second = store.store(sourceId, draft("한빛 식당 본점", "+8223456789", "info@hanbit.kr", "hanbit.kr",
                "서울 강남구 역삼동"));

        assertThat(second.created()).isFalse();
        assertThat(second.leadId()).isEqualTo(first.leadId());
        Lead lead = leads.findById(first.leadId()).orElseThrow();
        assertThat(lead.companyName()).isEqualTo("한빛식당");
        assertThat(lead.email()).isEqualTo("info@hanbit.kr");
        assertThat(lead.website()).isEqualTo("hanbit.kr");
        assertThat(lead.address()).isEqualTo("서울 강남구 역삼동");
        assertThat(lead.lastSeen()).isAfterOrEqualTo(lead.firstSeen());
        assertThat(leads.countAll()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void emailAndWebsiteAreExactKeysToo(TestDatabase db) {
        open(db);
        long byEmail = store.store(sourceId, draft("가람상사", null, "sales@garam.co.kr", null, null)).leadId();
        long byWebsite = store.store(sourceId, draft("누리공방", null, null, "nuri.kr", null)).leadId();

        assertThat(store.store(sourceId, draft(null, "+82311234567", "sales@garam.co.kr", null, null)).leadId())
                .isEqualTo(byEmail);
        assertThat(store.store(sourceId, draft(null, null, null, "nuri.kr", "부산 해운대구")).leadId())
                .isEqualTo(byWebsite);
        assertThat(leads.countAll()).isEqualTo(2);
        assertThat(leads.findById(byEmail).orElseThrow().phone()).isEqualTo("+82311234567");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKeyOwnedByAnotherLeadIsNotCopiedOnMerge(TestDatabase db) {
        open(db);
        long a = store.store(sourceId, draft("가람상사", "+8221111111", null, null, null)).leadId();
        long b = store.store(sourceId, draft("누리공방", null, "hello@nuri.kr", null, null)).leadId();

        StoreResult result = store.store(sourceId, draft("가람상사", "+8221111111", "hello@nuri.kr", null, null));

        assertThat(result.leadId()).isEqualTo(a);
        assertThat(leads.findById(a).orElseThrow().email()).isNull();
        assertThat(leads.findById(b).orElseThrow().email()).isEqualTo("hello@nuri.kr");
        assertThat(result.candidateCreated()).as("the two leads may be one business").isTrue();
        assertThat(duplicates.listByStatus("open", 10)).singleElement().satisfies(c -> {
            assertThat(c.leadId()).isEqualTo(a);
            assertThat(c.otherLeadId()).isEqualTo(b);
        });
        assertThat(store.store(sourceId, draft("가람상사", "+8221111111", "hello@nuri.kr", null, null))
                .candidateCreated()).as("recorded once").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSimilarNameInTheSameDistrictBecomesACandidate(TestDatabase db) {
        open(db);
        long first = store.store(sourceId, draft("(주)한빛식당", "+8223456789", null, null,
                "서울특별시 강남구 테헤란로 1")).leadId();

        StoreResult near = store.store(sourceId, draft("한빛식당 강남점", "+8229998888", null, null,
                "서울 강남구 역삼로 5"));

        assertThat(near.created()).isTrue();
        assertThat(near.candidateCreated()).isTrue();
        List<DuplicateCandidate> open = duplicates.listByStatus("open", 10);
        assertThat(open).singleElement().satisfies(c -> {
            assertThat(c.leadId()).isEqualTo(first);
            assertThat(c.otherLeadId()).isEqualTo(near.leadId());
            assertThat(c.similarity()).isBetween(0.85, 1.0);
            assertThat(c.reason()).contains("서울 강남구");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSimilarNameWithoutASharedSignalIsJustANewLead(TestDatabase db) {
        open(db);
        store.store(sourceId, draft("한빛식당", "+8223456789", null, null, "서울 강남구 테헤란로 1"));

        StoreResult elsewhere = store.store(sourceId, draft("한빛식당", "+82517778888", null, null, "부산 해운대구 1"));
        StoreResult different = store.store(sourceId, draft("한강 철물", "+8225550000", null, null, "서울 강남구 2"));

        assertThat(elsewhere.candidateCreated()).isFalse();
        assertThat(different.candidateCreated()).isFalse();
        assertThat(duplicates.countAll()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLeadWithoutContactsIsFoundAgainByNameAndAddress(TestDatabase db) {
        open(db);
        LeadDraft nameOnly = draft("무지개 꽃집", null, null, null, "대구 중구 1");
        long id = store.store(sourceId, nameOnly).leadId();

        StoreResult again = store.store(sourceId, nameOnly);

        assertThat(again.created()).isFalse();
        assertThat(again.leadId()).isEqualTo(id);
        assertThat(leads.countAll()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentWritersOfOneDraftStoreOneLead(TestDatabase db) throws Exception {
        open(db);
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 5; round++) {
                LeadDraft same = draft("동시상회 " + round, "+822700000" + round, "race" + round + "@x.kr", null, null);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<StoreResult>> results = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    Callable<StoreResult> task = () -> {
                        go.await();
                        return store.store(sourceId, same);
                    };
                    results.add(pool.submit(task));
                }
                go.countDown();
                long created = 0;
                for (Future<StoreResult> f : results) {
                    created += f.get().created() ? 1 : 0;
                }
                assertThat(created).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(leads.countAll()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowTheDatabaseRefusesIsOneRejectedItemAndTheStoreGoesOn(TestDatabase db) {
        open(db);
        LeadDraft tooLong = draft("가".repeat(600), "+8227770001", null, null, "서울 중구");
        assertThatThrownBy(() -> store.store(sourceId, tooLong))
                .isInstanceOf(ItemRejectedException.class)
                .hasMessageStartingWith("the database refused the item (SQLSTATE 22");
        store.store(sourceId, draft("멀쩡한 식당", "+8227770002", null, null, "서울 중구"));
        assertThat(leads.countAll()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCleanedDraftWithANulInItsNameIsStoredOnBothDatabases(TestDatabase db) {
        open(db);
        LeadDraft raw = draft("널\u0000식당", "+8227770003", null, null, "서울 중구");
        if (db == TestDatabase.POSTGRES) {
            assertThatThrownBy(() -> store.store(sourceId, raw)).isInstanceOf(ItemRejectedException.class);
        }
        LeadDraft clean = LeadSanitizer.sanitize(raw).draft();
        long id = store.store(sourceId, clean).leadId();
        assertThat(leads.findById(id).orElseThrow().companyName()).isEqualTo("널식당");
    }
}
