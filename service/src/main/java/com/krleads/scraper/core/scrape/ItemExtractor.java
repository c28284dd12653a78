package com.krleads.scraper.core.scrape;

import com.krleads.scraper.core.lead.ContactNormalizer;
import com.krleads.scraper.core.lead.HeuristicExtractor;
import com.krleads.scraper.core.lead.ItemFields;
import com.krleads.scraper.core.source.Selectors;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Reads one listing item with the source's selectors, then fills the contacts that no selector
 * produced (or that did not normalize, like {@code 02-12}) from the item's text by heuristics.
 */
public final class ItemExtractor {
    private ItemExtractor() {
    }

    public static ItemFields extract(Element item, Selectors selectors) {
        ItemFields fields = new ItemFields(BoundedText.of(item, ItemFields.MAX_TEXT_CHARS));
        fields.companyName = ContactNormalizer.text(selectText(item, selectors.name()));
        String phoneText = selectText(item, selectors.phone());
        fields.phoneShown = ContactNormalizer.text(phoneText) != null;
        fields.phone = ContactNormalizer.phone(phoneText);
        fields.email = ContactNormalizer.email(selectEmail(item, selectors.email()));
        fields.website = ContactNormalizer.websiteHost(selectLink(item, selectors.website()));
        fields.address = ContactNormalizer.text(selectText(item, selectors.address()));
        fields.category = ContactNormalizer.text(selectText(item, selectors.category()));
        HeuristicExtractor.fillMissing(fields);
        return fields;
    }

    private static Element first(Element item, String selector) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        return item.selectFirst(selector);
    }

    private static String selectText(Element item, String selector) {
        Element element = first(item, selector);
        return element == null ? null : BoundedText.of(element, ItemFields.MAX_TEXT_CHARS);
    }

    /** A {@code mailto:} link gives its address; any other element its text. */
    private static String selectEmail(Element item, String selector) {
        Element element = first(item, selector);
        if (element == null) {
            return null;
        }
        String href = element.attr("href").trim();
        if (href.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            return href;
        }
        return BoundedText.of(element, ItemFields.MAX_TEXT_CHARS);
    }

    /** A link gives its absolute {@code href}; any other element its text. */
    private static String selectLink(Element item, String selector) {
        Element element = first(item, selector);
        if (element == null) {
            return null;
        }
        if (element.hasAttr("href")) {
            String href = element.absUrl("href");
            return href.isEmpty() ? element.attr("href") : href;
        }
        return BoundedText.of(element, ItemFields.MAX_TEXT_CHARS);
    }
}
