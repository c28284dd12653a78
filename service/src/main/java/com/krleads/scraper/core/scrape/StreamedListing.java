package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.source.Selectors;
import java.net.URI;
import java.util.Iterator;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A listing page read as the parser completes its elements, so that the page never stands whole
 * as a document tree. Each completed element is matched against the item and next-page selectors,
 * then emptied unless an item around it still has to be read: what stays is the open elements'
 * chain and an empty shell (tag and attributes) of each finished one, which keeps the sibling
 * combinators ({@code +}, {@code ~}) right (pseudo-classes such as {@code :nth-child} make
 * {@link ListingParser#read} parse the page whole). An item handed out is emptied when the next one
 * is asked for.
 *
 * <p>The same limits as a whole parse: an element at the nesting limit loses its content and is
 * counted, and anything deeper is never matched; items past the page limit are counted only.
 */
final class StreamedListing implements ListingParser.PageItems {
    private final ListingParser.Limits limits;
    private final PageDecoder.Decoded decoded;
    private final URI current;
    private final Evaluator item;
    private final Evaluator nextPage;
    private final StreamParser parser;
    private final Iterator<Element> completed;
    private Element handedOut;
    private int found;
    private int read;
    private int depthCut;
    private boolean nextPageSeen;
    private URI nextPageUri;

    StreamedListing(FetchedPage page, Selectors selectors, ListingParser.Limits limits) {
        this.limits = limits;
        this.decoded = page.decoded();
        this.current = page.uri();
        this.item = QueryParser.parse(selectors.item());
        this.nextPage = selectors.nextPage() == null || selectors.nextPage().isBlank() ? null
                : QueryParser.parse(selectors.nextPage());
        this.parser = new StreamParser(Parser.htmlParser()).parse(decoded.text(), page.uri().toString());
        this.completed = parser.iterator();
    }

    @Override
    public Element next() {
        return advance(true);
    }

    @Override
    public ListingParser.PageSummary finish() {
        advance(false);
        return new ListingParser.PageSummary(nextPageUri, decoded.charset(), decoded.replacements(), found, read,
                depthCut);
    }

    @Override
    public void close() {
        parser.close();
    }

    /** Goes on to the next item to hand out (none when {@code handOut} is false: the rest is only counted). */
    private Element advance(boolean handOut) {
        letGo(handedOut);
        handedOut = null;
        while (completed.hasNext()) {
            Element element = completed.next();
            int depth = depthOf(element);
            if (depth > limits.maxDepth()) {
                continue;
            }
            if (depth == limits.maxDepth() && element.childNodeSize() > 0) {
                element.empty();
                depthCut++;
            }
            if (!nextPageSeen && nextPage != null && element.is(nextPage)) {
                nextPageSeen = true;
                nextPageUri = ListingParser.nextPageOf(element, current);
            }
            if (element.is(item)) {
                found++;
                if (handOut && read < limits.maxItems()) {
                    read++;
                    handedOut = element;
                    return element;
                }
            }
            letGo(element);
        }
        return null;
    }

    /** Empties a finished element unless an item around it is still to be read whole. */
    private void letGo(Element element) {
        if (element != null && !insideItem(element)) {
            element.empty();
        }
    }

    private boolean insideItem(Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.is(item)) {
                return true;
            }
        }
        return false;
    }

    /** The number of ancestors, counted up to one past the nesting limit (a deep page would make this quadratic). */
    private int depthOf(Element element) {
        int depth = 0;
        for (Element parent = element.parent(); parent != null && depth <= limits.maxDepth(); parent = parent.parent()) {
            depth++;
        }
        return depth;
    }
}
