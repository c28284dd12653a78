package com.krleads.scraper.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.scraper.core.lead.DuplicateCandidate.DuplicateStatus;
import com.krleads.scraper.core.lead.DuplicateReviewService.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The review workflow on rows kept in memory; the same on H2 and PostgreSQL, under races, is in DaoIT and ConcurrentMergeIT. */
class DuplicateReviewServiceTest {
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private final MemoryRows rows = new MemoryRows();
    private final DuplicateReviewService review = new DuplicateReviewService(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mergeKeepsTheCandidatesFirstLeadFoldsTheOtherInAndDeletesIt() {
        rows.lead(new Lead(3, "한빛식당 본점", null, "hanbit@food.kr", "hanbit.kr", "서울 강남구 2", null, 1, "selector",
                null, null, EARLY, EARLY));
        rows.lead(new Lead(5, "한빛식당", "+8223456789", null, null, "서울 강남구 1", null, 1, "selector", null, null,
                NOW, NOW));
        rows.candidate(10, 5, 3, DuplicateStatus.OPEN);

        assertThat(review.merge(rows, 10)).isEqualTo(Outcome.DONE);

        assertThat(rows.locked).as("leads are locked lower id first, as every merge takes them").containsExactly(3L, 5L);
        assertThat(rows.leads).containsOnlyKeys(5L);
        Lead kept = rows.leads.get(5L);
        assertThat(kept.companyName()).isEqualTo("한빛식당");
        assertThat(kept.phone()).isEqualTo("+8223456789");
        assertThat(kept.email()).isEqualTo("hanbit@food.kr");
        assertThat(kept.website()).isEqualTo("hanbit.kr");
        assertThat(kept.firstSeen()).isEqualTo(EARLY);
        assertThat(rows.candidates.get(10L).status()).isEqualTo(DuplicateStatus.MERGED);
        assertThat(rows.candidates.get(10L).resolvedAt()).isEqualTo(NOW);
        assertThat(rows.writes).as("the folded lead's keys are freed before the kept lead takes them")
                .containsExactly("resolve 10", "drop open candidates of 3 but 10", "delete 3", "update 5");
    }

    @Test
    void aDecidedCandidateIsNotOpenAndAMissingOneIsNotFound() {
        rows.lead(lead(1));
        rows.lead(lead(2));
        rows.candidate(10, 1, 2, DuplicateStatus.DISMISSED);

        assertThat(review.merge(rows, 10)).isEqualTo(Outcome.NOT_OPEN);
        assertThat(review.dismiss(rows, 10)).isEqualTo(Outcome.NOT_OPEN);
        assertThat(review.merge(rows, 11)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(review.dismiss(rows, 11)).isEqualTo(Outcome.NOT_FOUND);
        assertThat(rows.leads).hasSize(2);
        assertThat(rows.writes).containsExactly("resolve 10");
    }

    @Test
    void aCandidateWhoseLeadIsGoneIsNotOpenAndNothingIsWritten() {
        rows.lead(lead(1));
        rows.candidate(10, 1, 2, DuplicateStatus.OPEN);

        assertThat(review.merge(rows, 10)).isEqualTo(Outcome.NOT_OPEN);

        assertThat(rows.writes).isEmpty();
        assertThat(rows.candidates.get(10L).status()).isEqualTo(DuplicateStatus.OPEN);
    }

    @Test
    void dismissClosesTheCandidateAndKeepsBothLeads() {
        rows.lead(lead(1));
        rows.lead(lead(2));
        rows.candidate(10, 1, 2, DuplicateStatus.OPEN);

        assertThat(review.dismiss(rows, 10)).isEqualTo(Outcome.DONE);

        assertThat(rows.leads).hasSize(2);
        assertThat(rows.candidates.get(10L).status()).isEqualTo(DuplicateStatus.DISMISSED);
        assertThat(review.merge(rows, 10)).isEqualTo(Outcome.NOT_OPEN);
    }

    private static Lead lead(long id) {
        return new Lead(id, "상호 " + id, null, null, null, null, null, 1, "selector", null, null, EARLY, EARLY);
    }

    /** Leads and candidates as maps; the writes in the order they were made, and the leads locked. */
    private static final class MemoryRows implements DuplicateReviewService.Rows {
        final Map<Long, Lead> leads = new TreeMap<>();
        final Map<Long, DuplicateCandidate> candidates = new TreeMap<>();
        final List<Long> locked = new ArrayList<>();
        final List<String> writes = new ArrayList<>();

        void lead(Lead lead) {
            leads.put(lead.id(), lead);
        }

        void candidate(long id, long leadId, long otherLeadId, DuplicateStatus status) {
            candidates.put(id, new DuplicateCandidate(id, leadId, otherLeadId, 0.9, "test", status, EARLY,
                    status == DuplicateStatus.OPEN ? null : EARLY));
        }

        @Override
        public Optional<DuplicateCandidate> findCandidate(long candidateId) {
            return Optional.ofNullable(candidates.get(candidateId));
        }

        @Override
        public Optional<DuplicateCandidate> lockCandidate(long candidateId) {
            return findCandidate(candidateId);
        }

        @Override
        public Optional<Lead> lockLead(long leadId) {
            locked.add(leadId);
            return Optional.ofNullable(leads.get(leadId));
        }

        @Override
        public boolean resolve(long candidateId, DuplicateStatus status, Instant now) {
            writes.add("resolve " + candidateId);
            DuplicateCandidate c = candidates.get(candidateId);
            if (c == null || c.status() != DuplicateStatus.OPEN) {
                return false;
            }
            candidates.put(candidateId, new DuplicateCandidate(c.id(), c.leadId(), c.otherLeadId(), c.similarity(),
                    c.reason(), status, c.createdAt(), now));
            return true;
        }

        @Override
        public void deleteOtherOpenCandidates(long leadId, long keptCandidateId) {
            writes.add("drop open candidates of " + leadId + " but " + keptCandidateId);
        }

        @Override
        public boolean deleteLead(long leadId) {
            writes.add("delete " + leadId);
            return leads.remove(leadId) != null;
        }

        @Override
        public boolean updateLead(Lead lead, LeadKeys keys) {
            writes.add("update " + lead.id());
            return leads.replace(lead.id(), lead) != null;
        }
    }
}
