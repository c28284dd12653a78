package com.krleads.scraper.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.lead.DuplicateReviewService.Outcome;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadDraft;
import com.krleads.scraper.testing.Fixtures;
import com.krleads.scraper.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many sightings of one business, each carrying a field the others lack, stored at the same
 * instant from several threads while a person merges the business's duplicate: no field is lost.
 * A lost update (read, fold in Java, write every column back without a lock) erases fields here.
 */
class ConcurrentMergeIT {
    private static final int ROUNDS = 25;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sightingsWithDisjointFieldsAndAReviewMergeKeepEveryField(TestDatabase db) throws Exception {
        raceRounds(db, JdbiLeadStore::store);
    }

    /** The same race with every sighting stored as part of a page's batch, beside a lead of its own. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void batchedSightingsAndAReviewMergeKeepEveryField(TestDatabase db) throws Exception {
        java.util.concurrent.atomic.AtomicInteger fillers = new java.util.concurrent.atomic.AtomicInteger();
        raceRounds(db, (store, sourceId, draft) -> {
            int n = fillers.incrementAndGet();
            LeadDraft filler = new LeadDraft("Filler " + n, "+82313" + String.format(java.util.Locale.ROOT, "%06d", n),
                    null, null, null, null, null, null, null);
            List<com.krleads.scraper.core.lead.StoreOutcome> outcomes = store.storeAll(sourceId, List.of(filler, draft));
            assertThat(outcomes).noneMatch(com.krleads.scraper.core.lead.StoreOutcome::isRejected);
            return outcomes.get(1).result();
        });
    }

    private interface Writer {
        Object write(JdbiLeadStore store, long sourceId, LeadDraft draft);
    }

    private void raceRounds(TestDatabase db, Writer writer) throws Exception {
        Jdbi jdbi = db.freshJdbi();
        JdbiLeadStore store = new JdbiLeadStore(jdbi, Clock.systemUTC(), 0.85);
        DuplicateReview review = new DuplicateReview(jdbi, Clock.systemUTC());
        LeadDao leads = jdbi.onDemand(LeadDao.class);
        DuplicateDao duplicates = jdbi.onDemand(DuplicateDao.class);
        long sourceId = Fixtures.insertSource(jdbi, "race");

        for (int r = 0; r < ROUNDS; r++) {
            int round = r;
            String phone = "+82212" + String.format(java.util.Locale.ROOT, "%05d", round);
            String website = "race" + round + ".example.kr";
            long kept = store.store(sourceId, new LeadDraft("Race " + round, phone, null, null, null, null, null,
                    null, null)).leadId();
            long folded = store.store(sourceId, new LeadDraft("Race " + round + " branch", null, null, website,
                    null, null, null, null, null)).leadId();
            long candidate = duplicates.insert(kept, folded, 0.9, "test", Instant.now());
            assertThat(candidate).isEqualTo(1);
            long candidateId = duplicates.listByStatus("open", 1000).stream()
                    .filter(c -> c.leadId() == kept && c.otherLeadId() == folded).findFirst().orElseThrow().id();

            List<Callable<Object>> work = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(7);
            work.add(at(start, () -> writer.write(store, sourceId, sighting(phone, null, "info@race" + round + ".kr",
                    null, null, null, null))));
            work.add(at(start, () -> writer.write(store, sourceId, sighting(phone, null, null, "서울 중구 " + round,
                    null, null, null))));
            work.add(at(start, () -> writer.write(store, sourceId, sighting(phone, null, null, null, "음식점", null, null))));
            work.add(at(start, () -> writer.write(store, sourceId, sighting(phone, null, null, null, null, "valid", null))));
            // Found by the folded lead's website: before the review it fills the folded lead, after it the kept one.
            work.add(at(start, () -> writer.write(store, sourceId, sighting(null, website, null, null, null, null,
                    "unknown"))));
            work.add(at(start, () -> writer.write(store, sourceId, new LeadDraft(null, null, null, website, null, null,
                    "selector", null, null))));
            work.add(at(start, () -> review.merge(candidateId)));
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : threads.invokeAll(work)) {
                results.add(f.get());
            }

            assertThat(results).contains(Outcome.DONE);
            assertThat(leads.findById(folded)).isEmpty();
            Lead lead = leads.findById(kept).orElseThrow();
            assertThat(lead.phone()).as("round %d", round).isEqualTo(phone);
            assertThat(lead.website()).as("round %d", round).isEqualTo(website);
            assertThat(lead.email()).as("round %d", round).isEqualTo("info@race" + round + ".kr");
            assertThat(lead.address()).as("round %d", round).isEqualTo("서울 중구 " + round);
            assertThat(lead.category()).as("round %d", round).isEqualTo("음식점");
            assertThat(lead.phoneStatus()).as("round %d", round).isEqualTo("valid");
            assertThat(lead.emailStatus()).as("round %d", round).isEqualTo("unknown");
            assertThat(lead.extractionMethod()).as("round %d", round).isEqualTo("selector");
        }
    }

    private static LeadDraft sighting(String phone, String website, String email, String address, String category,
                                      String phoneStatus, String emailStatus) {
        return new LeadDraft(null, phone, email, website, address, category, null, phoneStatus, emailStatus);
    }

    private static Callable<Object> at(CyclicBarrier start, Callable<Object> task) {
        return () -> {
            start.await();
            return task.call();
        };
    }
}
