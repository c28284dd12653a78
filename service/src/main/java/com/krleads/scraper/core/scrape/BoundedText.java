package com.krleads.scraper.core.scrape;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An element's visible text as jsoup's {@link Element#text()} builds it (whitespace normalised,
 * a space between blocks), but the walk stops once {@code max} characters are in: the cost is
 * that of the text kept, not of the whole subtree. {@code text()} of each of thousands of nested
 * items built the whole page's text again and again (41 s for 500 KB).
 */
public final class BoundedText {
    /** How far up {@code <pre>} and its kind keep whitespace, as jsoup looks. */
    private static final int PRESERVE_LOOKUP = 6;

    private BoundedText() {
    }

    public static String of(Element element, int max) {
        StringBuilder text = new StringBuilder(Math.min(max, 256));
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    append(text, textNode);
                } else if (node instanceof Element e && !text.isEmpty() && (e.isBlock() || e.nameIs("br"))
                        && !endsWithSpace(text)) {
                    text.append(' ');
                }
                return text.length() >= max ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && !e.tag().isInline()) {
                    Node next = node.nextSibling();
                    boolean inlineNext = next instanceof TextNode
                            || next instanceof Element n && n.tag().isInline();
                    if (inlineNext && !endsWithSpace(text)) {
                        text.append(' ');
                    }
                }
                return text.length() >= max ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, element);
        String trimmed = text.toString().trim();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }

    private static void append(StringBuilder text, TextNode node) {
        String whole = node.getWholeText();
        if (node instanceof CDataNode || preservesWhitespace(node.parent())) {
            text.append(whole);
        } else {
            StringUtil.appendNormalisedWhitespace(text, whole, endsWithSpace(text));
        }
    }

    private static boolean preservesWhitespace(Node parent) {
        Node node = parent;
        for (int i = 0; i < PRESERVE_LOOKUP && node instanceof Element e; i++) {
            if (e.tag().preserveWhitespace()) {
                return true;
            }
            node = e.parent();
        }
        return false;
    }

    private static boolean endsWithSpace(StringBuilder text) {
        return !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
    }
}
