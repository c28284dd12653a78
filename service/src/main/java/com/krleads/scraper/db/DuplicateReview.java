package com.krleads.scraper.db;

import com.krleads.scraper.core.DuplicateCandidate;
import com.krleads.scraper.core.DuplicateCandidate.DuplicateStatus;
import com.krleads.scraper.core.Lead;
import com.krleads.scraper.core.LeadMerge;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * A person's decision on a duplicate candidate. Merge folds the other lead into the first
 * (missing fields filled from it, earliest first-seen kept) and deletes it; dismiss only
 * closes the candidate. Each runs in one transaction.
 */
public class DuplicateReview {
    private final Jdbi jdbi;
    private final Clock clock;

    public DuplicateReview(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Outcome merge(long candidateId) {
        return jdbi.inTransaction(h -> {
            DuplicateDao duplicates = h.attach(DuplicateDao.class);
            LeadDao leads = h.attach(LeadDao.class);
            Optional<DuplicateCandidate> found = duplicates.findById(candidateId);
            if (found.isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            Instant now = clock.instant();
            DuplicateCandidate candidate = found.get();
            Optional<Lead> kept = leads.findById(candidate.leadId());
            Optional<Lead> folded = leads.findById(candidate.otherLeadId());
            if (kept.isEmpty() || folded.isEmpty()
                    || duplicates.resolve(candidateId, DuplicateStatus.MERGED.value(), now) != 1) {
                return Outcome.NOT_OPEN;
            }
            // The folded lead goes first so that its unique keys are free for the kept one.
            duplicates.deleteOpenInvolving(folded.get().id(), candidateId);
            leads.delete(folded.get().id());
            Lead merged = LeadMerge.fold(kept.get(), folded.get(), Set.of(), now);
            leads.update(merged, JdbiLeadStore.keysOf(merged));
            return Outcome.DONE;
        });
    }

    public Outcome dismiss(long candidateId) {
        return jdbi.inTransaction(h -> {
            DuplicateDao duplicates = h.attach(DuplicateDao.class);
            if (duplicates.findById(candidateId).isEmpty()) {
                return Outcome.NOT_FOUND;
            }
            return duplicates.resolve(candidateId, DuplicateStatus.DISMISSED.value(), clock.instant()) == 1
                    ? Outcome.DONE : Outcome.NOT_OPEN;
        });
    }

    public enum Outcome { DONE, NOT_FOUND, NOT_OPEN }
}
