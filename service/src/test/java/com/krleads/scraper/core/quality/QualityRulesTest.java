package com.krleads.scraper.core.quality;

import static com.krleads.metrics.LabelValues.ItemField.ADDRESS;
import static com.krleads.metrics.LabelValues.ItemField.CATEGORY;
import static com.krleads.metrics.LabelValues.ItemField.NAME;
import static com.krleads.metrics.LabelValues.ItemField.PHONE;
import static com.krleads.metrics.LabelValues.ItemField.PHONE_VALID;
import static org.assertj.core.api.Assertions.assertThat;

import com.krleads.metrics.LabelValues.ItemField;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QualityRulesTest {
    private final QualityRules rules = new QualityRules(0.5, 0.5, 0.1);

    /** {@code items} items, each field on {@code share} of them. */
    static FieldCounts counts(int items, Map<ItemField, Integer> present) {
        int[] counts = new int[ItemField.values().length];
        present.forEach((field, n) -> counts[field.ordinal()] = n);
        return new FieldCounts(items, counts);
    }

    static Baseline baseline(int jobs, double items, Map<ItemField, Double> coverage) {
        return new Baseline(jobs, items, coverage);
    }

    private static Map<ItemField, Double> usual() {
        Map<ItemField, Double> coverage = new EnumMap<>(ItemField.class);
        coverage.put(NAME, 1.0);
        coverage.put(PHONE, 0.97);
        coverage.put(PHONE_VALID, 0.95);
        coverage.put(CATEGORY, 0.05);
        return coverage;
    }

    @Nested
    class Yield {
        @Test
        void aFirstJobWithoutItemsIsZeroYield() {
            assertThat(rules.compare(counts(0, Map.of()), Baseline.NONE))
                    .containsExactly(Finding.zeroYield(Double.NaN));
        }

        @Test
        void aFirstJobWithItemsRaisesNothing() {
            assertThat(rules.compare(counts(3, Map.of(NAME, 0)), Baseline.NONE)).isEmpty();
        }

        @Test
        void noItemsWhereTheBaselineHadSomeIsZeroYieldAndNothingElse() {
            assertThat(rules.compare(counts(0, Map.of()), baseline(5, 40, usual())))
                    .containsExactly(Finding.zeroYield(40));
        }

        @Test
        void aSourceThatAlwaysYieldsNothingRaisesNothing() {
            assertThat(rules.compare(counts(0, Map.of()), baseline(5, 0, Map.of()))).isEmpty();
        }

        @Test
        void aListingThatShrinksByAFifthRaisesNothing() {
            assertThat(rules.compare(counts(32, Map.of(NAME, 32, PHONE, 31, PHONE_VALID, 31)), baseline(5, 40, usual())))
                    .isEmpty();
        }

        @Test
        void exactlyHalfIsNoDropButLessIs() {
            Map<ItemField, Integer> all = Map.of(NAME, 20, PHONE, 20, PHONE_VALID, 20);
            assertThat(rules.compare(counts(20, all), baseline(5, 40, usual()))).isEmpty();
            assertThat(rules.compare(counts(19, Map.of(NAME, 19, PHONE, 19, PHONE_VALID, 19)), baseline(5, 40, usual())))
                    .containsExactly(Finding.yieldDrop(19, 40));
        }
    }

    @Nested
    class Coverage {
        @Test
        void phonesGoneIsACoverageDropOfPhoneAndValidPhone() {
            List<Finding> findings = rules.compare(counts(40, Map.of(NAME, 40)), baseline(5, 40, usual()));
            assertThat(findings).containsExactly(Finding.coverageDrop(PHONE, 0, 0.97),
                    Finding.coverageDrop(PHONE_VALID, 0, 0.95));
        }

        @Test
        void aFieldTheBaselineRarelyHadIsNotCompared() {
            assertThat(rules.compare(counts(40, Map.of(NAME, 40, PHONE, 39, PHONE_VALID, 38)), baseline(5, 40, usual())))
                    .isEmpty();
        }

        @Test
        void aFieldTheBaselineNeverHadIsNotCompared() {
            assertThat(rules.compare(counts(40, Map.of(NAME, 40, PHONE, 39, PHONE_VALID, 38, ADDRESS, 0)),
                    baseline(5, 40, usual()))).isEmpty();
        }

        @Test
        void theSharesComeFromTheConfiguration() {
            QualityRules strict = new QualityRules(0.1, 0.1, 0.1);
            assertThat(strict.compare(counts(35, Map.of(NAME, 35, PHONE, 30, PHONE_VALID, 29)), baseline(5, 40, usual())))
                    .extracting(Finding::kind, Finding::field)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.YIELD_DROP, null),
                            org.assertj.core.groups.Tuple.tuple(Finding.Kind.COVERAGE_DROP, PHONE),
                            org.assertj.core.groups.Tuple.tuple(Finding.Kind.COVERAGE_DROP, PHONE_VALID));
        }
    }

    @Nested
    class Warnings {
        @Test
        void sayWhatFellShortAndTheBaseline() {
            JobQuality quality = new JobQuality(1, counts(40, Map.of(NAME, 40)), 0, 0);
            Baseline baseline = baseline(5, 40, usual());
            assertThat(QualityWarnings.describe(quality, baseline, rules.compare(quality.counts(), baseline)))
                    .containsExactly("phone on 0 of 40 items (median of the last 5 jobs: 97 %)",
                            "valid phone on 0 of 40 items (median of the last 5 jobs: 95 %)");
        }

        @Test
        void nameThePagesTheItemSelectorMatchedNothingOn() {
            JobQuality quality = new JobQuality(3, counts(0, Map.of()), 3, 1);
            assertThat(QualityWarnings.describe(quality, baseline(2, 12.5, usual()), List.of(Finding.zeroYield(12.5))))
                    .containsExactly("the item selector matched nothing on page 1 (and on 2 more pages)",
                            "no items found (median of the last 2 jobs: 12.5 items)");
            assertThat(QualityWarnings.describe(quality, Baseline.NONE, List.of(Finding.zeroYield(Double.NaN))))
                    .contains("no items found, and no earlier completed job to compare with");
        }

        @Test
        void aYieldDropGivesBothNumbers() {
            JobQuality quality = new JobQuality(1, counts(12, Map.of(NAME, 12)), 0, 0);
            assertThat(QualityWarnings.describe(quality, baseline(1, 40, Map.of()), List.of(Finding.yieldDrop(12, 40))))
                    .containsExactly("12 items (median of the last job: 40 items)");
        }
    }
}
