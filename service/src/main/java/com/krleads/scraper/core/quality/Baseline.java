package com.krleads.scraper.core.quality;

import com.krleads.metrics.LabelValues.ItemField;
import java.util.Map;

/**
 * A source's history before a job: how many completed jobs it has (at most the configured
 * number), their median items and each field's median coverage (NaN when unknown).
 */
public record Baseline(int jobs, double items, Map<ItemField, Double> coverage) {
    public static final Baseline NONE = new Baseline(0, Double.NaN, Map.of());

    public Baseline {
        coverage = Map.copyOf(coverage);
    }

    public double coverage(ItemField field) {
        return coverage.getOrDefault(field, Double.NaN);
    }
}
