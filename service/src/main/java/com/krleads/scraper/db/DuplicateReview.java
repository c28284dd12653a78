package com.krleads.scraper.db;

import com.krleads.scraper.core.DuplicateCandidate;
import com.krleads.scraper.core.DuplicateCandidate.DuplicateStatus;
import com.krleads.scraper.core.Lead;
import com.krleads.scraper.core.LeadMerge;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A person's decision on a duplicate candidate. Merge folds the other lead into the first
 * (missing fields filled from it, earliest first-seen kept) and deletes it; dismiss only
 * closes the candidate. Each runs in one transaction. Merge locks the candidate and then both
 * leads (lower id first, the order every merge takes) and folds the rows as last committed, so
 * a sighting stored at the same moment is neither lost nor overwritten.
 */
public class DuplicateReview {
    private static final int MAX_TRIES = 3;

    private final Jdbi jdbi;
    private final Clock clock;

    public DuplicateReview(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Outcome merge(long candidateId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> mergeOnce(h, candidateId));
            } catch (JdbiException e) {
                if (!RetryableConflicts.causedBy(e) || attempt >= MAX_TRIES) {
                    throw e;
                }
            }
        }
    }

    private Outcome mergeOnce(Handle h, long candidateId) {
        DuplicateDao duplicates = h.attach(DuplicateDao.class);
        LeadDao leads = h.attach(LeadDao.class);
        Optional<DuplicateCandidate> found = duplicates.lockById(candidateId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        DuplicateCandidate candidate = found.get();
        if (candidate.status() != DuplicateStatus.OPEN) {
            return Outcome.NOT_OPEN;
        }
        Optional<Lead> first = leads.lockById(Math.min(candidate.leadId(), candidate.otherLeadId()));
        Optional<Lead> second = leads.lockById(Math.max(candidate.leadId(), candidate.otherLeadId()));
        if (first.isEmpty() || second.isEmpty()) {
            return Outcome.NOT_OPEN;
        }
        Lead kept = first.get().id() == candidate.leadId() ? first.get() : second.get();
        Lead folded = kept == first.get() ? second.get() : first.get();
        Instant now = clock.instant();
        if (duplicates.resolve(candidateId, DuplicateStatus.MERGED.value(), now) != 1) {
            return Outcome.NOT_OPEN;
        }
        // The folded lead goes first so that its unique keys are free for the kept one.
        duplicates.deleteOpenInvolving(folded.id(), candidateId);
        Lead merged = LeadMerge.fold(kept, folded, Set.of(), now);
        if (leads.delete(folded.id()) != 1 || leads.update(merged, JdbiLeadStore.keysOf(merged)) != 1) {
            throw new IllegalStateException("a locked lead of candidate " + candidateId + " vanished");
        }
        return Outcome.DONE;
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
