package com.krleads.scraper.core.scrape;

import java.net.URI;

/**
 * A successful (2xx) answer: {@code uri} is where the body came from after redirects;
 * {@code charset} is the label the Content-Type header named, or null. {@link PageDecoder}
 * decides the encoding from it, the byte order mark, the page's meta tags or the bytes.
 */
public record FetchedPage(URI uri, int status, byte[] body, String charset) {

    /** The body as text, with the encoding used and the count of U+FFFD replacements. */
    public PageDecoder.Decoded decoded() {
        return PageDecoder.decode(body, charset);
    }

    /** The body as text. */
    public String text() {
        return decoded().text();
    }
}
