package com.krleads.scraper.core.quality;

import com.krleads.metrics.LabelValues.ItemField;
import java.util.Arrays;

/** Items found and, per field, how many of them had it: one page's or one job's. Immutable. */
public final class FieldCounts {
    static final ItemField[] FIELDS = ItemField.values();

    private final int items;
    private final int[] counts;

    public FieldCounts(int items, int[] counts) {
        if (counts.length != FIELDS.length) {
            throw new IllegalArgumentException("one count per field expected, got " + counts.length);
        }
        this.items = items;
        this.counts = counts.clone();
    }

    /** The bit of {@code field} in an item's mask of present fields. */
    public static int bit(ItemField field) {
        return 1 << field.ordinal();
    }

    public int items() {
        return items;
    }

    public int count(ItemField field) {
        return counts[field.ordinal()];
    }

    /** Share of the items that had the field; NaN without items. */
    public double coverage(ItemField field) {
        return items == 0 ? Double.NaN : (double) count(field) / items;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldCounts that && items == that.items && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * items + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "FieldCounts[items=" + items + ", counts=" + Arrays.toString(counts) + "]";
    }
}
