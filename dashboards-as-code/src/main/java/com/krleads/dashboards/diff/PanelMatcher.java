package com.krleads.dashboards.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Pairs the generated panels with the exported ones: first by row and title, then by id and
 * type (a panel whose title was changed in Grafana keeps its id), then by title alone (a panel
 * moved to another row). What is left over was removed or added.
 */
final class PanelMatcher {
    record Pair(PanelSnapshot generated, PanelSnapshot exported) {
    }

    record Matching(List<Pair> pairs, List<PanelSnapshot> removed, List<PanelSnapshot> added) {
        /** The pair holding this generated panel, or null when it was removed. */
        Pair pairOf(PanelSnapshot generated) {
            return pairs.stream().filter(p -> p.generated() == generated).findFirst().orElse(null);
        }
    }

    private static final List<BiPredicate<PanelSnapshot, PanelSnapshot>> PASSES = List.of(
            (a, b) -> a.row().equals(b.row()) && a.title().equals(b.title()),
            (a, b) -> a.id() >= 0 && a.id() == b.id() && Objects.equals(a.type(), b.type()),
            (a, b) -> a.title().equals(b.title()));

    private PanelMatcher() {
    }

    static Matching match(List<PanelSnapshot> generated, List<PanelSnapshot> exported) {
        List<PanelSnapshot> leftGenerated = new ArrayList<>(generated);
        List<PanelSnapshot> leftExported = new ArrayList<>(exported);
        List<Pair> pairs = new ArrayList<>();
        for (BiPredicate<PanelSnapshot, PanelSnapshot> same : PASSES) {
            for (PanelSnapshot g : List.copyOf(leftGenerated)) {
                leftExported.stream().filter(e -> same.test(g, e)).findFirst().ifPresent(e -> {
                    pairs.add(new Pair(g, e));
                    leftGenerated.remove(g);
                    leftExported.remove(e);
                });
            }
        }
        return new Matching(pairs, leftGenerated, leftExported);
    }
}
