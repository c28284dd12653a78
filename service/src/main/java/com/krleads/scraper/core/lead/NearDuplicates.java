package com.krleads.scraper.core.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What counts as a near duplicate of a new lead: among the newest leads of its name block that share
 * its region or its phone area ({@link #LIMIT} of each), the one with the most similar name, if that
 * similarity reaches the threshold. The region's leads are compared first, so a lead found both ways
 * gives the region as its reason.
 */
public final class NearDuplicates {
    /** How many of the newest leads of a block and region (or area) a new lead is compared with. */
    public static final int LIMIT = 50;

    private NearDuplicates() {
    }

    /** A near duplicate among {@code candidates}; {@code L} is the stored form, {@code leadOf} reads it. */
    public record Match<L>(L lead, double similarity, String reason) {
    }

    /**
     * @param nameKey  the draft's normalized name ({@link NameSimilarity#normalize})
     * @param byRegion newest first, the leads of the draft's block and region (at most {@link #LIMIT} are read)
     * @param byArea   newest first, the leads of the draft's block and phone area
     * @param nameOf   the normalized name of a stored lead
     * @param idOf     the identity of a stored lead, so that one found both ways is scored once
     */
    public static <L> Optional<Match<L>> best(String nameKey, LeadKeys keys, List<L> byRegion, List<L> byArea,
                                             Function<L, String> nameOf, Function<L, Object> idOf, double threshold) {
        if (keys.blockKey() == null) {
            return Optional.empty();
        }
        Map<Object, Scored<L>> found = new LinkedHashMap<>();
        if (keys.regionKey() != null) {
            score(nameKey, byRegion, nameOf, idOf, "same region " + keys.regionKey(), found);
        }
        if (keys.areaCode() != null) {
            score(nameKey, byArea, nameOf, idOf, "same phone area " + keys.areaCode(), found);
        }
        return found.values().stream()
                .filter(scored -> scored.similarity() >= threshold)
                .max((a, b) -> Double.compare(a.similarity(), b.similarity()))
                .map(scored -> new Match<>(scored.lead(), scored.similarity(), String.format(Locale.ROOT,
                        "name similarity %.2f, %s", scored.similarity(), scored.signal())));
    }

    private static <L> void score(String nameKey, List<L> leads, Function<L, String> nameOf, Function<L, Object> idOf,
                                  String signal, Map<Object, Scored<L>> found) {
        int n = Math.min(LIMIT, leads.size());
        for (int i = 0; i < n; i++) {
            L stored = leads.get(i);
            found.computeIfAbsent(idOf.apply(stored), id -> new Scored<>(stored,
                    NameSimilarity.similarityOfNormalized(nameKey, nameOf.apply(stored)), signal));
        }
    }

    private record Scored<L>(L lead, double similarity, String signal) {
    }
}
