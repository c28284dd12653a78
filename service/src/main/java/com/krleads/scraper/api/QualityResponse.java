package com.krleads.scraper.api;

import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.scraper.core.quality.FieldCounts;
import com.krleads.scraper.core.quality.QualityRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's yield and field coverage: {@code fields} gives each field's share of the items (empty
 * when there were none), {@code fieldItems} the counts behind it.
 */
public record QualityResponse(int items, int pages, int pagesWithoutItems, Map<String, Double> fields,
                              Map<String, Integer> fieldItems) {

    public static QualityResponse of(QualityRecord record) {
        FieldCounts counts = record.quality().counts();
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        for (ItemField field : ItemField.values()) {
            items.put(field.label(), counts.count(field));
            if (counts.items() > 0) {
                shares.put(field.label(), Math.round(counts.coverage(field) * 1000) / 1000.0);
            }
        }
        return new QualityResponse(counts.items(), record.quality().pages(), record.quality().pagesWithoutItems(),
                shares, items);
    }
}
