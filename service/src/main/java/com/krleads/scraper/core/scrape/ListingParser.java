package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.Selectors;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Parses a fetched listing page: the item elements and the next page's absolute URL. */
public final class ListingParser {

    /**
     * {@code nextPage} is null when there is no usable next-page link; {@code charset} and {@code replacements} say how
     * the bytes were read: the encoding and the count of U+FFFD replacements.
     */
    public record ParsedPage(List<Element> items, URI nextPage, Charset charset, int replacements) {
    }

    private ListingParser() {
    }

    public static ParsedPage parse(FetchedPage page, Selectors selectors) {
        PageDecoder.Decoded decoded = page.decoded();
        Document document = Jsoup.parse(decoded.text(), page.uri().toString());
        return new ParsedPage(List.copyOf(document.select(selectors.item())), nextPage(document, selectors, page.uri()),
                decoded.charset(), decoded.replacements());
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
