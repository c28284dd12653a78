package com.krleads.scraper.metrics.bridge;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.DefaultExports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The bridge from the Dropwizard registry to the Prometheus client: the labelled families with
 * their catalog types, then Dropwizard's own meters. Scrape-time gauges are refreshed first.
 */
public final class RegistryCollector extends Collector implements Collector.Describable {
    private final List<LabelledFamily<?>> families;
    private final Runnable beforeScrape;
    private final DropwizardBuiltins builtins;

    /** Only {@code families}, without the Dropwizard meters (for tests against a fresh registry). */
    public RegistryCollector(List<LabelledFamily<?>> families, Runnable beforeScrape) {
        this(families, beforeScrape, null);
    }

    private RegistryCollector(List<LabelledFamily<?>> families, Runnable beforeScrape, DropwizardBuiltins builtins) {
        this.families = List.copyOf(families);
        this.beforeScrape = beforeScrape;
        this.builtins = builtins;
    }

    /**
     * A collector registry of its own (never the JVM-wide default) holding the JVM collectors,
     * {@code families} in their order, and the meters of {@code dropwizard} under names that
     * neither takes. {@code beforeScrape} runs at the start of each scrape.
     */
    public static CollectorRegistry registry(List<LabelledFamily<?>> families, MetricRegistry dropwizard,
                                             Runnable beforeScrape) {
        CollectorRegistry registry = new CollectorRegistry(true);
        DefaultExports.register(registry);
        DropwizardBuiltins builtins = new DropwizardBuiltins(dropwizard, takenNames(registry, families));
        new RegistryCollector(families, beforeScrape, builtins).register(registry);
        return registry;
    }

    private static Set<String> takenNames(CollectorRegistry registry, List<LabelledFamily<?>> families) {
        Set<String> names = new HashSet<>();
        for (MetricFamilySamples family : Collections.list(registry.metricFamilySamples())) {
            names.add(family.name);
            names.add(family.name + "_total");
        }
        for (LabelledFamily<?> family : families) {
            names.addAll(family.family().seriesNames());
            names.add(family.family().baseName());
        }
        return names;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        beforeScrape.run();
        List<MetricFamilySamples> samples = new ArrayList<>();
        for (LabelledFamily<?> family : families) {
            samples.add(Exposition.samples(family));
        }
        if (builtins != null) {
            samples.addAll(builtins.samples());
        }
        return samples;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        List<MetricFamilySamples> samples = new ArrayList<>();
        for (LabelledFamily<?> labelled : families) {
            samples.add(new MetricFamilySamples(labelled.family().baseName(),
                    Exposition.type(labelled.family()), labelled.family().help(), List.of()));
        }
        return samples;
    }
}
