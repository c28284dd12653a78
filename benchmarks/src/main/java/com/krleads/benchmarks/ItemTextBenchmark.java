package com.krleads.benchmarks;

import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.core.scrape.BoundedText;
import com.krleads.scraper.core.scrape.FetchedPage;
import com.krleads.scraper.core.scrape.ListingParser;
import com.krleads.scraper.core.source.Selectors;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Element;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading the text of every item of a page whose items nest inside each other: jsoup's
 * {@code text()} of the whole page as parsed (the cost grows with the square of the nesting),
 * against the scraper's reading (nesting cut at 128 levels, text cut while built).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ItemTextBenchmark {
    private static final Selectors ITEMS = new Selectors(".listing", null, null, null, null, null, null, null);

    @Param({"2000", "8000"})
    public int nestedItems;

    private FetchedPage page;

    @Setup
    public void setUp() {
        String html = "<html><body>" + "<div class=\"listing\">가게 02-123-4567 ".repeat(nestedItems) + "</body></html>";
        page = new FetchedPage(URI.create("http://directory.test/list"), 200, html.getBytes(StandardCharsets.UTF_8),
                "UTF-8");
    }

    @Benchmark
    public long jsoupTextOfEveryItem() {
        long chars = 0;
        for (Element item : ListingParser.parse(page, ITEMS, ListingParser.Limits.NONE).items()) {
            chars += item.text().length();
        }
        return chars;
    }

    @Benchmark
    public long boundedTextOfEveryItemWithTheDefaultLimits() {
        long chars = 0;
        for (Element item : ListingParser.parse(page, ITEMS, new ListingParser.Limits(128, 20_000)).items()) {
            chars += BoundedText.of(item, ItemFields.MAX_TEXT_CHARS).length();
        }
        return chars;
    }
}
