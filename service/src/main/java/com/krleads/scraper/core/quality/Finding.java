package com.krleads.scraper.core.quality;

import com.krleads.metrics.LabelValues.ItemField;
import java.util.Locale;

/**
 * A job that fell short of its source's baseline. {@code field} is set for {@link Kind#COVERAGE_DROP}
 * only; {@code observed} and {@code baseline} are items for the yield kinds and shares (0..1) for
 * coverage; {@code baseline} is NaN for a first job.
 */
public record Finding(Kind kind, ItemField field, double observed, double baseline) {

    public enum Kind {
        ZERO_YIELD, YIELD_DROP, COVERAGE_DROP;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static Finding zeroYield(double baselineItems) {
        return new Finding(Kind.ZERO_YIELD, null, 0, baselineItems);
    }

    public static Finding yieldDrop(int items, double baselineItems) {
        return new Finding(Kind.YIELD_DROP, null, items, baselineItems);
    }

    public static Finding coverageDrop(ItemField field, double coverage, double baselineCoverage) {
        return new Finding(Kind.COVERAGE_DROP, field, coverage, baselineCoverage);
    }
}
