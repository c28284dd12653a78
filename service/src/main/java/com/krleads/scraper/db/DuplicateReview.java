package com.krleads.scraper.db;

import com.krleads.scraper.core.lead.DuplicateCandidate.DuplicateStatus;
import com.krleads.scraper.core.lead.DuplicateCandidate;
import com.krleads.scraper.core.lead.DuplicateReviewService.Outcome;
import com.krleads.scraper.core.lead.DuplicateReviewService;
import com.krleads.scraper.core.lead.Lead;
import com.krleads.scraper.core.lead.LeadKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs each decision of {@link DuplicateReviewService} in one transaction; a merge that meets a
 * concurrent writer (a serialization failure or deadlock) is tried again.
 */
public class DuplicateReview {
    private static final int MAX_TRIES = 3;

    private final Jdbi jdbi;
    private final DuplicateReviewService service;

    public DuplicateReview(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.service = new DuplicateReviewService(clock);
    }

    public Outcome merge(long candidateId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> service.merge(new Rows(h), candidateId));
            } catch (JdbiException e) {
                if (!RetryableConflicts.causedBy(e) || attempt >= MAX_TRIES) {
                    throw e;
                }
            }
        }
    }

    public Outcome dismiss(long candidateId) {
        return jdbi.inTransaction(h -> service.dismiss(new Rows(h), candidateId));
    }

    private static final class Rows implements DuplicateReviewService.Rows {
        private final DuplicateDao duplicates;
        private final LeadDao leads;

        Rows(Handle handle) {
            this.duplicates = handle.attach(DuplicateDao.class);
            this.leads = handle.attach(LeadDao.class);
        }

        @Override
        public Optional<DuplicateCandidate> findCandidate(long candidateId) {
            return duplicates.findById(candidateId);
        }

        @Override
        public Optional<DuplicateCandidate> lockCandidate(long candidateId) {
            return duplicates.lockById(candidateId);
        }

        @Override
        public Optional<Lead> lockLead(long leadId) {
            return leads.lockById(leadId);
        }

        @Override
        public boolean resolve(long candidateId, DuplicateStatus status, Instant now) {
            return duplicates.resolve(candidateId, status.value(), now) == 1;
        }

        @Override
        public void deleteOtherOpenCandidates(long leadId, long keptCandidateId) {
            duplicates.deleteOpenInvolving(leadId, keptCandidateId);
        }

        @Override
        public boolean deleteLead(long leadId) {
            return leads.delete(leadId) == 1;
        }

        @Override
        public boolean updateLead(Lead lead, LeadKeys keys) {
            return leads.update(lead, keys) == 1;
        }
    }
}
