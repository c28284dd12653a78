package com.krleads.scraper.core.scrape;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A successful (2xx) answer: {@code uri} is where the body came from after redirects;
 * {@code charset} is the one named by the Content-Type header, or null (the HTML parser then
 * looks for a meta tag, as Korean sites still often serve EUC-KR).
 */
public record FetchedPage(URI uri, int status, byte[] body, String charset) {

    /** The body as text: the declared charset, else UTF-8. */
    public String text() {
        Charset cs = StandardCharsets.UTF_8;
        if (charset != null) {
            try {
                cs = Charset.forName(charset);
            } catch (IllegalArgumentException unknownCharset) {
                cs = StandardCharsets.UTF_8;
            }
        }
        return new String(body, cs);
    }
}
