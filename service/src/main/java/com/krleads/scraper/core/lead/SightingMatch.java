package com.krleads.scraper.core.lead;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which lead a sighting merges into, given the leads that own its keys: the owner of its phone,
 * else of its e-mail, else of its website, else of its fallback key (name and address). A key
 * owned by another lead is not copied ({@link LeadMerge}), and that other owner of the e-mail or
 * website is linked to the target for review: one listing showing the keys of two leads says they
 * are probably one business, which a person decides. {@code L} is the caller's form of a stored lead.
 */
public record SightingMatch<L>(L target, Set<LeadMerge.Key> ownedElsewhere, List<Link<L>> links) {

    /** Another lead that owns the sighting's {@code key} ("e-mail" or "website"). */
    public record Link<L>(L owner, String key) {
    }

    /** Empty when no lead owns any of the sighting's keys: it is a new lead. */
    public static <L> Optional<SightingMatch<L>> of(L byPhone, L byEmail, L byWebsite, L byFallback,
                                                    Function<L, Object> idOf) {
        L target = byPhone != null ? byPhone : byEmail != null ? byEmail : byWebsite != null ? byWebsite : byFallback;
        if (target == null) {
            return Optional.empty();
        }
        Object targetId = idOf.apply(target);
        Set<LeadMerge.Key> ownedElsewhere = EnumSet.noneOf(LeadMerge.Key.class);
        List<Link<L>> links = new ArrayList<>(2);
        if (byPhone != null && !idOf.apply(byPhone).equals(targetId)) {
            ownedElsewhere.add(LeadMerge.Key.PHONE);
        }
        if (byEmail != null && !idOf.apply(byEmail).equals(targetId)) {
            ownedElsewhere.add(LeadMerge.Key.EMAIL);
            links.add(new Link<>(byEmail, "e-mail"));
        }
        if (byWebsite != null && !idOf.apply(byWebsite).equals(targetId)) {
            ownedElsewhere.add(LeadMerge.Key.WEBSITE);
            links.add(new Link<>(byWebsite, "website"));
        }
        return Optional.of(new SightingMatch<>(target, ownedElsewhere, links));
    }

    /** The reason recorded on the candidate a {@link Link} becomes. */
    public static String linkReason(long targetId, long ownerId, String key) {
        return "one listing shows the phone or key of lead " + targetId + " and the " + key + " of lead " + ownerId;
    }
}
