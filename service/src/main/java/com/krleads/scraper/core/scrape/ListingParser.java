package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.source.Selectors;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Parses a fetched listing page: the item elements and the next page's absolute URL. Elements
 * nested deeper than {@link Limits#maxDepth()} lose their content (every nested item would
 * otherwise read the text of all below it again), and past {@link Limits#maxItems()} items the
 * rest of the page is left; {@link ParsedPage} says what was cut.
 *
 * <p>A job reads a page through {@link #read}: item by item, as the parser completes them, with
 * what was read let go, so a page needs a few times its size in memory rather than a whole
 * document tree ({@link StreamedListing}). Selectors with a pseudo-class (a {@code :}) may look at
 * what follows an element or at the text of an unfinished ancestor: for those the whole page is
 * parsed first, as {@link #parse} does.
 */
public final class ListingParser {

    /** How deep the page may nest and how many items one page gives. */
    public record Limits(int maxDepth, int maxItems) {
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * {@code nextPage} is null when there is no usable next-page link; {@code charset} and {@code replacements} say how
     * the bytes were read: the encoding and the count of U+FFFD replacements. {@code itemsFound} counts the items
     * the selector matched, of which {@code items} holds at most the limit; {@code depthCut} counts the elements
     * whose content was dropped for nesting too deep.
     */
    public record ParsedPage(List<Element> items, URI nextPage, Charset charset, int replacements, int itemsFound,
                             int depthCut) {
    }

    /** What a page held, once its items were read: {@code itemsRead} of the {@code itemsFound} the selector matched. */
    public record PageSummary(URI nextPage, Charset charset, int replacements, int itemsFound, int itemsRead,
                              int depthCut) {
    }

    /** A page's items, one at a time. */
    public interface PageItems extends AutoCloseable {
        /** The next item within the limit, or null; the item returned before may be emptied by this call. */
        Element next();

        /** Reads the rest of the page (items past the limit are counted, not returned) and says what it held. */
        PageSummary finish();

        @Override
        void close();
    }

    private ListingParser() {
    }

    /** The page's items for a job to read one by one: streamed unless a selector needs the whole document. */
    public static PageItems read(FetchedPage page, Selectors selectors, Limits limits) {
        boolean wholeDocument = selectors.item().indexOf(':') >= 0
                || (selectors.nextPage() != null && selectors.nextPage().indexOf(':') >= 0);
        return wholeDocument ? new ParsedItems(parse(page, selectors, limits)) : new StreamedListing(page, selectors, limits);
    }

    public static ParsedPage parse(FetchedPage page, Selectors selectors) {
        return parse(page, selectors, Limits.NONE);
    }

    public static ParsedPage parse(FetchedPage page, Selectors selectors, Limits limits) {
        PageDecoder.Decoded decoded = page.decoded();
        Document document = Jsoup.parse(decoded.text(), page.uri().toString());
        int depthCut = cutBelow(document, limits.maxDepth());
        List<Element> found = document.select(selectors.item());
        List<Element> items = found.size() > limits.maxItems() ? found.subList(0, limits.maxItems()) : found;
        return new ParsedPage(List.copyOf(items), nextPage(document, selectors, page.uri()), decoded.charset(),
                decoded.replacements(), found.size(), depthCut);
    }

    /** Empties every element at {@code maxDepth}; returns how many lost content. */
    static int cutBelow(Document document, int maxDepth) {
        List<Element> tooDeep = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth >= maxDepth && node instanceof Element element && element.childNodeSize() > 0) {
                    tooDeep.add(element);
                    return FilterResult.SKIP_CHILDREN;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, document);
        tooDeep.forEach(Element::empty);
        return tooDeep.size();
    }

    private static URI nextPage(Document document, Selectors selectors, URI current) {
        if (selectors.nextPage() == null || selectors.nextPage().isBlank()) {
            return null;
        }
        Element link = document.selectFirst(selectors.nextPage());
        return link == null ? null : nextPageOf(link, current);
    }

    /** The usable web address a next-page link points to, or null. */
    static URI nextPageOf(Element link, URI current) {
        String href = link.absUrl("href");
        if (href.isEmpty()) {
            return null;
        }
        try {
            URI next = URI.create(href).normalize();
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && !withoutFragment(next).equals(withoutFragment(current)) ? next : null;
        } catch (IllegalArgumentException badLink) {
            return null;
        }
    }

    /** A page parsed whole, handed out item by item. */
    private static final class ParsedItems implements PageItems {
        private final ParsedPage page;
        private int given;

        ParsedItems(ParsedPage page) {
            this.page = page;
        }

        @Override
        public Element next() {
            return given < page.items().size() ? page.items().get(given++) : null;
        }

        @Override
        public PageSummary finish() {
            return new PageSummary(page.nextPage(), page.charset(), page.replacements(), page.itemsFound(), given,
                    page.depthCut());
        }

        @Override
        public void close() {
        }
    }

    private static String withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }
}
