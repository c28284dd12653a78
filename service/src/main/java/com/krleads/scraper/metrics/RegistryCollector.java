package com.krleads.scraper.metrics;

import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge from the Dropwizard registry to the Prometheus client: our catalog families with
 * their catalog types, then Dropwizard's own meters. Scrape-time gauges are refreshed first.
 */
final class RegistryCollector extends Collector implements Collector.Describable {
    private final ServiceMetrics metrics;
    private final Runnable beforeScrape;
    private final DropwizardBuiltins builtins;

    RegistryCollector(ServiceMetrics metrics, Runnable beforeScrape, DropwizardBuiltins builtins) {
        this.metrics = metrics;
        this.beforeScrape = beforeScrape;
        this.builtins = builtins;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        beforeScrape.run();
        List<MetricFamilySamples> families = new ArrayList<>();
        for (LabelledFamily<?> family : metrics.families()) {
            families.add(Exposition.samples(family));
        }
        if (builtins != null) {
            families.addAll(builtins.samples());
        }
        return families;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        List<MetricFamilySamples> families = new ArrayList<>();
        for (LabelledFamily<?> labelled : metrics.families()) {
            families.add(new MetricFamilySamples(labelled.family().baseName(),
                    Exposition.type(labelled.family()), labelled.family().help(), List.of()));
        }
        return families;
    }
}
