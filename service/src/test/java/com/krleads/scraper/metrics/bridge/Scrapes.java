package com.krleads.scraper.metrics.bridge;

import com.krleads.metrics.MetricFamily;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Renders exposition text for tests. */
public final class Scrapes {
    private Scrapes() {
    }

    /** Only the given families, in text format 0.0.4. */
    public static String text(CollectorRegistry registry, MetricFamily... families) {
        Set<String> names = new HashSet<>();
        for (MetricFamily family : families) {
            names.addAll(family.seriesNames());
        }
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, registry.filteredMetricFamilySamples(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
