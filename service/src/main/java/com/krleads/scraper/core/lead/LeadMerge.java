package com.krleads.scraper.core.lead;

import java.time.Instant;
import java.util.Set;

/**
 * How two records of one business combine, whether a new sighting meets a stored lead or a
 * person merges a duplicate candidate: the kept lead's values win, its missing fields are filled
 * from the other, the earliest first-seen stays. A unique key (phone, e-mail, website) is filled
 * only when no third lead already owns the offered value.
 */
public final class LeadMerge {
    /** The lead fields that are unique across leads. */
    public enum Key { PHONE, EMAIL, WEBSITE }

    private LeadMerge() {
    }

    /** {@code kept} with its gaps filled from {@code other}; {@code ownedElsewhere} keys are not taken. */
    public static Lead fold(Lead kept, Lead other, Set<Key> ownedElsewhere, Instant now) {
        Instant firstSeen = kept.firstSeen().isBefore(other.firstSeen()) ? kept.firstSeen() : other.firstSeen();
        return new Lead(kept.id(),
                fill(kept.companyName(), other.companyName()),
                fillKey(kept.phone(), other.phone(), ownedElsewhere.contains(Key.PHONE)),
                fillKey(kept.email(), other.email(), ownedElsewhere.contains(Key.EMAIL)),
                fillKey(kept.website(), other.website(), ownedElsewhere.contains(Key.WEBSITE)),
                fill(kept.address(), other.address()),
                fill(kept.category(), other.category()),
                kept.sourceId(),
                fill(kept.extractionMethod(), other.extractionMethod()),
                fill(kept.phoneStatus(), other.phoneStatus()),
                fill(kept.emailStatus(), other.emailStatus()),
                firstSeen, now);
    }

    /** A new sighting as a lead record, first seen {@code now}, so that it folds like any other. */
    public static Lead sighting(LeadDraft draft, long sourceId, Instant now) {
        return new Lead(0, draft.companyName(), draft.phone(), draft.email(), draft.website(), draft.address(),
                draft.category(), sourceId, draft.extractionMethod(), draft.phoneStatus(), draft.emailStatus(),
                now, now);
    }

    private static String fill(String current, String offered) {
        return current != null ? current : offered;
    }

    private static String fillKey(String current, String offered, boolean ownedElsewhere) {
        return current == null && !ownedElsewhere ? offered : current;
    }
}
