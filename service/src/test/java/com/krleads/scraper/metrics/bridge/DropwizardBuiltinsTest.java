package com.krleads.scraper.metrics.bridge;

import static com.krleads.metrics.MetricCatalog.HTTP_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.MetricCatalog;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DropwizardBuiltinsTest {
    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void eachKindKeepsItsNameAndType() throws IOException {
        registry.meter("io.dropwizard.jetty.MutableServletContextHandler.2xx-responses").mark(3);
        registry.counter("org.eclipse.jetty.util.thread.QueuedThreadPool.dw.jobs").inc(2);
        registry.register("ch.qos.logback.enabled", (Gauge<Boolean>) () -> true);
        registry.timer("org.jdbi.v3.lead-store.store").update(2, TimeUnit.SECONDS);

        String text = render(new DropwizardBuiltins(registry, Set.of()).samples());

        assertThat(text).contains(
                "# TYPE io_dropwizard_jetty_mutable_servlet_context_handler_2xx_responses_total counter\n",
                "io_dropwizard_jetty_mutable_servlet_context_handler_2xx_responses_total 3.0\n",
                "# TYPE org_eclipse_jetty_util_thread_queued_thread_pool_dw_jobs gauge\n",
                "org_eclipse_jetty_util_thread_queued_thread_pool_dw_jobs 2.0\n",
                "ch_qos_logback_enabled 1.0\n",
                "# TYPE org_jdbi_v3_lead_store_store_seconds summary\n",
                "org_jdbi_v3_lead_store_store_seconds{quantile=\"0.5\",} 2.0\n",
                "org_jdbi_v3_lead_store_store_seconds_count 1.0\n");
    }

    @Test
    void aMeterIsACounterFamilyNamedWithoutTotal() {
        registry.meter("requests").mark();

        assertThat(new DropwizardBuiltins(registry, Set.of()).samples()).singleElement().satisfies(family -> {
            assertThat(family.name).isEqualTo("requests");
            assertThat(family.type).isEqualTo(Collector.Type.COUNTER);
            assertThat(family.samples).singleElement().satisfies(sample -> assertThat(sample.name).isEqualTo("requests_total"));
        });
    }

    @Test
    void labelledChildrenJvmMetricsAndTakenNamesAreLeftOut() {
        LabelledFamilies ours = LabelledFamilies.bind(registry, List.of(MetricCatalog.HTTP_REQUESTS));
        ours.counters(HTTP_REQUESTS).labels("GET", "/api/sources", "200").inc();
        registry.gauge("jvm.memory.heap.used", () -> () -> 1);
        registry.counter("process.open.fds").inc();
        registry.counter("kept").inc();

        List<MetricFamilySamples> families = new DropwizardBuiltins(registry, Set.of("process_open_fds")).samples();

        assertThat(families).extracting(family -> family.name).containsExactly("kept");
    }

    @Test
    void twoNamesThatSanitizeAlikeExportOnce() throws IOException {
        registry.counter("pool.Active").inc(1);
        registry.counter("pool.active").inc(5);

        List<MetricFamilySamples> families = new DropwizardBuiltins(registry, Set.of()).samples();

        assertThat(families).singleElement().satisfies(family -> {
            assertThat(family.name).isEqualTo("pool_active");
            assertThat(family.type).isEqualTo(Collector.Type.GAUGE);
            assertThat(family.samples).singleElement().satisfies(sample -> assertThat(sample.value).isEqualTo(1));
        });
    }

    private static String render(List<MetricFamilySamples> families) throws IOException {
        CollectorRegistry collectors = new CollectorRegistry(true);
        new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return families;
            }
        }.register(collectors);
        StringWriter out = new StringWriter();
        TextFormat.write004(out, collectors.metricFamilySamples());
        return out.toString();
    }
}
