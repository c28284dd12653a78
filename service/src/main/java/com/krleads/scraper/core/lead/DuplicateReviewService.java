package com.krleads.scraper.core.lead;

import com.krleads.scraper.core.lead.DuplicateCandidate.DuplicateStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A person's decision on a duplicate candidate. Merge folds the other lead into the first
 * (missing fields filled from it, earliest first-seen kept) and deletes it, and drops the other
 * open candidates that name the deleted lead; dismiss only closes the candidate. Only an open
 * candidate is decided. Merge locks the candidate and then both leads (lower id first, the order
 * every merge takes) and folds the rows as last committed, so a sighting stored at the same moment
 * is neither lost nor overwritten.
 */
public final class DuplicateReviewService {
    private final Clock clock;

    public DuplicateReviewService(Clock clock) {
        this.clock = clock;
    }

    /** Merges through {@code rows}, which are all read and written in one transaction. */
    public Outcome merge(Rows rows, long candidateId) {
        Optional<DuplicateCandidate> found = rows.lockCandidate(candidateId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        DuplicateCandidate candidate = found.get();
        if (candidate.status() != DuplicateStatus.OPEN) {
            return Outcome.NOT_OPEN;
        }
        Optional<Lead> first = rows.lockLead(Math.min(candidate.leadId(), candidate.otherLeadId()));
        Optional<Lead> second = rows.lockLead(Math.max(candidate.leadId(), candidate.otherLeadId()));
        if (first.isEmpty() || second.isEmpty()) {
            return Outcome.NOT_OPEN;
        }
        Lead kept = first.get().id() == candidate.leadId() ? first.get() : second.get();
        Lead folded = kept == first.get() ? second.get() : first.get();
        Instant now = clock.instant();
        if (!rows.resolve(candidateId, DuplicateStatus.MERGED, now)) {
            return Outcome.NOT_OPEN;
        }
        // The folded lead goes first so that its unique keys are free for the kept one.
        rows.deleteOtherOpenCandidates(folded.id(), candidateId);
        Lead merged = LeadMerge.fold(kept, folded, Set.of(), now);
        if (!rows.deleteLead(folded.id()) || !rows.updateLead(merged, Deduplication.keysOf(merged))) {
            throw new IllegalStateException("a locked lead of candidate " + candidateId + " vanished");
        }
        return Outcome.DONE;
    }

    /** Dismisses through {@code rows}, in one transaction. */
    public Outcome dismiss(Rows rows, long candidateId) {
        if (rows.findCandidate(candidateId).isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        return rows.resolve(candidateId, DuplicateStatus.DISMISSED, clock.instant()) ? Outcome.DONE : Outcome.NOT_OPEN;
    }

    public enum Outcome { DONE, NOT_FOUND, NOT_OPEN }

    /** The rows a decision reads and writes, all in the caller's transaction. */
    public interface Rows {
        Optional<DuplicateCandidate> findCandidate(long candidateId);

        /** Locked until the transaction ends, so that two reviews of one candidate take turns. */
        Optional<DuplicateCandidate> lockCandidate(long candidateId);

        /** The lead as last committed, locked until the transaction ends. */
        Optional<Lead> lockLead(long leadId);

        /** Closes the candidate if it is still open; false when it was not. */
        boolean resolve(long candidateId, DuplicateStatus status, Instant now);

        /** Deletes the open candidates other than {@code keptCandidateId} that name the lead. */
        void deleteOtherOpenCandidates(long leadId, long keptCandidateId);

        boolean deleteLead(long leadId);

        boolean updateLead(Lead lead, LeadKeys keys);
    }
}
