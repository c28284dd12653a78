package com.krleads.benchmarks;

import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.core.quality.JobQualityMeter;
import com.krleads.scraper.core.scrape.ItemExtractor;
import com.krleads.scraper.core.source.Selectors;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What yield and field-coverage counting adds to reading a listing page: the items of one
 * parsed page read with the source's selectors (what every job does), without and with the
 * counting; and the counting alone over fields already read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ItemCountingBenchmark {
    private static final Selectors SELECTORS = new Selectors(".listing", ".name", ".tel", "a[href^=mailto]",
            "a.homepage", ".addr", ".cat", "a.next");

    @Param({"100", "2000"})
    public int items;

    private List<Element> elements;
    private ItemFields[] fields;

    @Setup
    public void setUp() {
        StringBuilder html = new StringBuilder("<html><body><main>");
        for (int i = 0; i < items; i++) {
            html.append("<div class=\"listing\"><h2 class=\"name\">가게 ").append(i).append("</h2>")
                    .append("<span class=\"cat\">한식</span><p class=\"addr\">서울특별시 중구 세종대로 ").append(i).append("</p>")
                    .append(i % 3 == 0 ? "" : "<span class=\"tel\">02-777-" + (1000 + i % 9000) + "</span>")
                    .append(i % 2 == 0 ? "<a href=\"mailto:shop" + i + "@example.kr\">메일</a>" : "")
                    .append("</div>");
        }
        html.append("</main></body></html>");
        elements = List.copyOf(Jsoup.parse(html.toString(), "http://127.0.0.1/").select(SELECTORS.item()));
        fields = new ItemFields[elements.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = ItemExtractor.extract(elements.get(i), SELECTORS);
        }
    }

    /** Every item read, each result handed to the blackhole as the pipeline hands it on. */
    @Benchmark
    public void readPage(Blackhole sink) {
        for (Element element : elements) {
            sink.consume(ItemExtractor.extract(element, SELECTORS));
        }
    }

    /** The same, and each item's fields counted as {@code LeadAssembler} counts them. */
    @Benchmark
    public JobQualityMeter readAndCountPage(Blackhole sink) {
        JobQualityMeter meter = new JobQualityMeter();
        meter.pageParsed(elements.size());
        for (Element element : elements) {
            ItemFields item = ItemExtractor.extract(element, SELECTORS);
            meter.item(item.presentFields());
            sink.consume(item);
        }
        return meter;
    }

    @Benchmark
    public JobQualityMeter countOnly() {
        JobQualityMeter meter = new JobQualityMeter();
        meter.pageParsed(fields.length);
        for (ItemFields item : fields) {
            meter.item(item.presentFields());
        }
        return meter;
    }
}
