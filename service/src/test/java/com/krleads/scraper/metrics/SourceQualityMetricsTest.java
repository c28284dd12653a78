package com.krleads.scraper.metrics;

import static com.krleads.metrics.LabelValues.ItemField.NAME;
import static com.krleads.metrics.LabelValues.ItemField.PHONE;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEMS_FOUND;
import static com.krleads.metrics.MetricCatalog.SCRAPING_ITEM_FIELDS;
import static com.krleads.metrics.MetricCatalog.SOURCE_BASELINE_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_COVERAGE_FINDING;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_ITEMS;
import static com.krleads.metrics.MetricCatalog.SOURCE_LAST_JOB_TIMESTAMP;
import static com.krleads.metrics.MetricCatalog.SOURCE_YIELD_FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.krleads.metrics.LabelValues.ItemField;
import com.krleads.metrics.LabelValues.YieldFinding;
import com.krleads.metrics.Labels;
import com.krleads.scraper.core.quality.FieldCounts;
import com.krleads.scraper.core.quality.Finding;
import com.krleads.scraper.core.quality.JobQuality;
import com.krleads.scraper.core.quality.QualityRecord;
import com.krleads.scraper.core.quality.SourceHealth;
import com.krleads.scraper.metrics.bridge.LabelledFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The yield and coverage counters and the source-health gauges, against a fresh registry. */
class SourceQualityMetricsTest {
    private final MetricRegistry registry = new MetricRegistry();
    private final ServiceMetrics metrics = new ServiceMetrics(registry);

    private static FieldCounts page(int items, int names, int phones) {
        int[] counts = new int[ItemField.values().length];
        counts[NAME.ordinal()] = names;
        counts[PHONE.ordinal()] = phones;
        return new FieldCounts(items, counts);
    }

    private static SourceHealth health(String source, int items, double baseline, Finding... findings) {
        QualityRecord last = new QualityRecord(1, 1, true, Instant.ofEpochSecond(1_700_000_000),
                new JobQuality(1, page(items, items, items), 0, 0), 5, baseline, List.of(findings), List.of());
        return new SourceHealth(1, source, last);
    }

    @Nested
    class Counters {
        @Test
        void aSourcesCountersAreBornAtZeroAndCountEachPage() {
            MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 10);
            events.jobStarted("seoul");
            assertThat(metrics.counters(SCRAPING_ITEMS_FOUND).labels("seoul").getCount()).isZero();
            assertThat(metrics.counters(SCRAPING_ITEM_FIELDS).size()).isEqualTo(ItemField.values().length);

            events.itemsMeasured("seoul", page(40, 40, 39));
            events.itemsMeasured("seoul", page(10, 9, 0));

            assertThat(metrics.counters(SCRAPING_ITEMS_FOUND).labels("seoul").getCount()).isEqualTo(50);
            assertThat(metrics.counters(SCRAPING_ITEM_FIELDS).labels("seoul", NAME.label()).getCount()).isEqualTo(49);
            assertThat(metrics.counters(SCRAPING_ITEM_FIELDS).labels("seoul", PHONE.label()).getCount()).isEqualTo(39);
        }

        @Test
        void aReleasedSourceFreesItsSlotAndLosesItsSeries() {
            MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, true, 1);
            events.jobStarted("old");
            events.itemsMeasured("old", page(3, 3, 3));
            events.itemsMeasured("new", page(2, 2, 2));
            assertThat(metrics.counters(SCRAPING_ITEMS_FOUND).labels(Labels.OVERFLOW).getCount()).as("over the cap of one").isEqualTo(2);

            events.sourceNameReleased("old");
            assertThat(metrics.counters(SCRAPING_ITEMS_FOUND).children()).extracting(c -> c.labelValues().get(0)).containsExactly(Labels.OVERFLOW);
            assertThat(registry.getNames()).noneMatch(name -> name.contains("\"old\""));

            events.itemsMeasured("new", page(4, 4, 4));
            assertThat(metrics.counters(SCRAPING_ITEMS_FOUND).labels("new").getCount()).isEqualTo(4);
        }

        @Test
        void withoutLabelsSourcesAreCollapsed() {
            MetricsPipelineEvents events = new MetricsPipelineEvents(metrics, false, 10);
            events.itemsMeasured("a", page(1, 1, 1));
            events.itemsMeasured("b", page(2, 2, 2));
            assertThat(metrics.counters(SCRAPING_ITEMS_FOUND).labels(Labels.COLLAPSED).getCount()).isEqualTo(3);
            assertThat(metrics.counters(SCRAPING_ITEMS_FOUND).size()).isOne();
        }
    }

    @Nested
    class Gauges {
        private final List<SourceHealth> database = new ArrayList<>();
        private final AtomicBoolean reporter = new AtomicBoolean(true);

        private SourceHealthMetrics gauges(boolean includeSources, int cap) {
            SourceHealthMetrics gauges = new SourceHealthMetrics(metrics, () -> List.copyOf(database), reporter::get,
                    includeSources, cap);
            gauges.install();
            return gauges;
        }

        @Test
        void eachFindingIsOneSeriesAtZeroOrOne() {
            SourceHealthMetrics gauges = gauges(true, 10);
            database.add(health("broken", 0, 40, Finding.zeroYield(40)));
            database.add(health("phoneless", 40, 40, Finding.coverageDrop(PHONE, 0, 0.97)));
            gauges.refresh();

            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).labels("broken", YieldFinding.ZERO_YIELD.label()).value()).isEqualTo(1);
            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).labels("broken", YieldFinding.YIELD_DROP.label()).value()).isZero();
            assertThat(metrics.gauges(SOURCE_COVERAGE_FINDING).labels("phoneless", PHONE.label()).value()).isEqualTo(1);
            assertThat(metrics.gauges(SOURCE_COVERAGE_FINDING).labels("phoneless", NAME.label()).value()).isZero();
            assertThat(metrics.gauges(SOURCE_LAST_JOB_ITEMS).labels("broken").value()).isZero();
            assertThat(metrics.gauges(SOURCE_BASELINE_ITEMS).labels("broken").value()).isEqualTo(40);
            assertThat(metrics.gauges(SOURCE_LAST_JOB_TIMESTAMP).labels("broken").value()).isEqualTo(1_700_000_000);
            int perSource = metrics.sourceHealthGauges().stream().mapToInt(LabelledFamily::size).sum() / 2;
            assertThat(perSource).isEqualTo(3 + YieldFinding.values().length + ItemField.values().length);
        }

        @Test
        void aSourceGoneFromTheDatabaseLosesItsSeriesAndItsSlot() {
            SourceHealthMetrics gauges = gauges(true, 1);
            database.add(health("first", 0, 40, Finding.zeroYield(40)));
            database.add(health("second", 0, 40, Finding.zeroYield(40)));
            gauges.refresh();
            assertThat(metrics.gauges(SOURCE_LAST_JOB_ITEMS).children()).extracting(c -> c.labelValues().get(0)).containsExactly("first");

            database.remove(0);
            gauges.refresh();
            assertThat(metrics.gauges(SOURCE_LAST_JOB_ITEMS).children()).extracting(c -> c.labelValues().get(0)).containsExactly("second");
            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).children()).allMatch(c -> c.labelValues().get(0).equals("second"));
        }

        @Test
        void onlyTheReportingProcessReadsAndExports() {
            SourceHealthMetrics gauges = gauges(true, 10);
            database.add(health("broken", 0, 40, Finding.zeroYield(40)));
            reporter.set(false);
            gauges.refresh();
            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).size()).isZero();
            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).exported()).isFalse();

            reporter.set(true);
            gauges.refresh();
            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).exported()).isTrue();
            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).labels("broken", YieldFinding.ZERO_YIELD.label()).value()).isEqualTo(1);
        }

        @Test
        void withoutLabelsTheSourcesFoldIntoOneSeries() {
            SourceHealthMetrics gauges = gauges(false, 10);
            database.add(health("broken", 0, 40, Finding.zeroYield(40)));
            database.add(health("fine", 30, Double.NaN));
            gauges.refresh();
            assertThat(metrics.gauges(SOURCE_YIELD_FINDING).labels(Labels.COLLAPSED, YieldFinding.ZERO_YIELD.label()).value()).isEqualTo(1);
            assertThat(metrics.gauges(SOURCE_LAST_JOB_ITEMS).labels(Labels.COLLAPSED).value()).isEqualTo(30);
            assertThat(metrics.gauges(SOURCE_BASELINE_ITEMS).labels(Labels.COLLAPSED).value()).isEqualTo(40);
            assertThat(metrics.gauges(SOURCE_LAST_JOB_ITEMS).size()).isOne();
        }
    }
}
