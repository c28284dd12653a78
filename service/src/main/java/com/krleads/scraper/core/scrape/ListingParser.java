package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.Selectors;
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

    private ListingParser() {
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
        if (link == null) {
            return null;
        }
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

    private static String withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }
}
