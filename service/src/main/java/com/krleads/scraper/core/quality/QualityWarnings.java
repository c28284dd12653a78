package com.krleads.scraper.core.quality;

import com.krleads.metrics.LabelValues.ItemField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A job's measurements and findings in words, for {@code GET /api/jobs/{id}}. */
public final class QualityWarnings {
    private QualityWarnings() {
    }

    public static List<String> describe(JobQuality quality, Baseline baseline, List<Finding> findings) {
        List<String> warnings = new ArrayList<>();
        if (quality.firstPageWithoutItems() > 0) {
            int more = quality.pagesWithoutItems() - 1;
            warnings.add("the item selector matched nothing on page " + quality.firstPageWithoutItems()
                    + (more > 0 ? " (and on " + more + " more page" + (more == 1 ? "" : "s") + ")" : ""));
        }
        int items = quality.counts().items();
        for (Finding finding : findings) {
            warnings.add(switch (finding.kind()) {
                case ZERO_YIELD -> baseline.jobs() == 0
                        ? "no items found, and no earlier completed job to compare with"
                        : "no items found (" + median(baseline) + number(finding.baseline()) + " items)";
                case YIELD_DROP -> items + " items (" + median(baseline) + number(finding.baseline()) + " items)";
                case COVERAGE_DROP -> fieldName(finding.field()) + " on " + quality.counts().count(finding.field())
                        + " of " + items + " items (" + median(baseline) + percent(finding.baseline()) + ")";
            });
        }
        return warnings;
    }

    static String fieldName(ItemField field) {
        return field == ItemField.PHONE_VALID ? "valid phone" : field.label();
    }

    private static String median(Baseline baseline) {
        return "median of the last " + (baseline.jobs() == 1 ? "job" : baseline.jobs() + " jobs") + ": ";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
