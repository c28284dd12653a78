package com.krleads.scraper.db;

import static com.krleads.scraper.testing.Fixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.krleads.scraper.core.lead.DuplicateCandidate.DuplicateStatus;
import com.krleads.scraper.core.lead.DuplicateReviewService.Outcome;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.StoreResult;
import com.krleads.scraper.core.source.Selectors;
import com.krleads.scraper.core.source.Source;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sources, lead search and duplicate review against both databases. */
class DaoIT {
    private Jdbi jdbi;
    private SourceDao sources;
    private LeadDao leads;
    private DuplicateDao duplicates;
    private JdbiLeadStore store;

    private void open(TestDatabase db) {
        jdbi = db.freshJdbi();
        sources = jdbi.onDemand(SourceDao.class);
        leads = jdbi.onDemand(LeadDao.class);
        duplicates = jdbi.onDemand(DuplicateDao.class);
        store = new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sourcesRoundTripAndNamesAreUnique(TestDatabase db) {
        open(db);
        Source created = sources.insert(Fixtures.source("gwangju-cafes"));
        assertThat(sources.findById(created.id())).contains(created);
        assertThat(sources.findByName("gwangju-cafes")).contains(created);
        assertThat(created.selectors().nextPage()).isEqualTo("a.next");

        Source changed = new Source(created.id(), "gwangju-coffee", created.startUrl(),
                new Selectors(".card", null, null, null, null, null, null, null), 9, 0, false, created.createdAt(),
                Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(sources.update(changed, changed.selectors())).isEqualTo(1);
        assertThat(sources.findById(created.id())).contains(changed);

        assertThatThrownBy(() -> sources.insert(Fixtures.source("gwangju-coffee")))
                .isInstanceOf(JdbiException.class)
                .satisfies(e -> assertThat(UniqueViolations.causedBy(e)).isTrue());
        assertThat(sources.list()).hasSize(1);
        assertThat(sources.delete(created.id())).isEqualTo(1);
        assertThat(sources.list()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletingASourceKeepsItsLeads(TestDatabase db) {
        open(db);
        long sourceId = Fixtures.insertSource(jdbi, "gone-soon");
        long leadId = store.store(sourceId, draft("바다 서점", "+82517771234", null, null, null)).leadId();

        sources.delete(sourceId);

        assertThat(leads.findById(leadId).orElseThrow().sourceId()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void searchesLeadsByTextAndSourceWithPaging(TestDatabase db) {
        open(db);
        long seoul = Fixtures.insertSource(jdbi, "seoul");
        long busan = Fixtures.insertSource(jdbi, "busan");
        store.store(seoul, draft("청솔 약국", "+8227771234", null, null, "서울 종로구 1"));
        store.store(seoul, draft("바다 서점", "+8227775678", "book@bada.kr", null, "서울 중구 2"));
        store.store(busan, draft("바다 횟집", "+82517770000", null, "hoe.kr", "부산 중구 3"));

        assertThat(leads.count("", -1)).isEqualTo(3);
        assertThat(leads.count("%바다%", -1)).isEqualTo(2);
        assertThat(leads.count("%바다%", busan)).isEqualTo(1);
        assertThat(leads.count("%hoe.kr%", -1)).isEqualTo(1);
        assertThat(leads.search("", seoul, 1, 1)).extracting(Lead::companyName).containsExactly("바다 서점");
        assertThat(leads.search("", -1, 10, 0)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void mergeFoldsTheOtherLeadIntoTheFirstInOneGo(TestDatabase db) {
        open(db);
        long sourceId = Fixtures.insertSource(jdbi, "seoul");
        StoreResult first = store.store(sourceId, draft("한빛식당", "+8223456789", null, null, "서울 강남구 1"));
        StoreResult second = store.store(sourceId, draft("한빛식당 본점", "+8229998888", "hanbit@food.kr", "hanbit.kr",
                "서울 강남구 2"));
        long candidate = duplicates.listByStatus("open", 10).get(0).id();
        DuplicateReview review = new DuplicateReview(jdbi, Clock.systemUTC());

        assertThat(review.merge(candidate)).isEqualTo(Outcome.DONE);

        assertThat(leads.findById(second.leadId())).isEmpty();
        Lead kept = leads.findById(first.leadId()).orElseThrow();
        assertThat(kept.phone()).isEqualTo("+8223456789");
        assertThat(kept.email()).isEqualTo("hanbit@food.kr");
        assertThat(kept.website()).isEqualTo("hanbit.kr");
        assertThat(duplicates.findById(candidate).orElseThrow().status()).isEqualTo(DuplicateStatus.MERGED);
        assertThat(review.merge(candidate)).isEqualTo(Outcome.NOT_OPEN);
        assertThat(review.dismiss(candidate)).isEqualTo(Outcome.NOT_OPEN);
        assertThat(review.merge(123_456)).isEqualTo(Outcome.NOT_FOUND);
        // The folded lead's e-mail now belongs to the kept lead: a new sighting merges there.
        assertThat(store.store(sourceId, draft(null, null, "hanbit@food.kr", null, null)).leadId())
                .isEqualTo(first.leadId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dismissKeepsBothLeads(TestDatabase db) {
        open(db);
        long sourceId = Fixtures.insertSource(jdbi, "seoul");
        store.store(sourceId, draft("한빛식당", "+8223456789", null, null, "서울 강남구 1"));
        store.store(sourceId, draft("한빛식당 본점", "+8229998888", null, null, "서울 강남구 2"));
        long candidate = duplicates.listByStatus("open", 10).get(0).id();

        assertThat(new DuplicateReview(jdbi, Clock.systemUTC()).dismiss(candidate)).isEqualTo(Outcome.DONE);

        assertThat(leads.countAll()).isEqualTo(2);
        assertThat(duplicates.findById(candidate).orElseThrow().status()).isEqualTo(DuplicateStatus.DISMISSED);
        assertThat(duplicates.findById(candidate).orElseThrow().resolvedAt()).isNotNull();
    }
}
