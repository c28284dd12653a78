package com.krleads.scraper.core.scrape;

import com.krleads.scraper.config.ScraperConfig;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.io.HttpMessageParserFactory;
import org.apache.hc.core5.http.message.BasicLineParser;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * How much header an answer may send: the client's own {@link Http1Config} bounds one line and
 * the number of header lines while it reads them; the total of all lines, which the client does
 * not bound, is counted by a line parser of each connection's own. A server that sends more
 * fails that fetch with a {@link HeadersTooLargeException}, before the rest is read.
 */
public record HeaderLimits(int maxLineLength, int maxCount, long maxTotalBytes) {

    public static HeaderLimits from(ScraperConfig config) {
        return new HeaderLimits((int) Math.min(Integer.MAX_VALUE, config.maxHeaderLineLength.toBytes()),
                config.maxHeaderCount, config.maxHeaderSize.toBytes());
    }

    /** The answer's headers passed a limit; final for the fetch, never retried. */
    static final class HeadersTooLargeException extends ParseException {
        HeadersTooLargeException(String message) {
            super(message);
        }
    }

    Http1Config http1Config() {
        return Http1Config.custom().setMaxLineLength(maxLineLength).setMaxHeaderCount(maxCount).build();
    }

    /**
     * A parser per connection: the total is counted per answer, from its status line on. The
     * connection factory asks for a parser without passing its configuration, so the parser
     * gets these limits itself.
     */
    HttpMessageParserFactory<ClassicHttpResponse> responseParserFactory() {
        Http1Config limits = http1Config();
        return ignored -> new DefaultHttpResponseParser(limits, new TotalCountingLineParser(maxTotalBytes), null);
    }

    /** What a fetch that passed a limit reports. */
    String describe() {
        return "lines up to " + maxLineLength + " characters, " + maxCount + " header lines and "
                + maxTotalBytes + " bytes of headers in all";
    }

    private static final class TotalCountingLineParser extends BasicLineParser {
        private final long maxTotal;
        private long total;

        TotalCountingLineParser(long maxTotal) {
            this.maxTotal = maxTotal;
        }

        @Override
        public StatusLine parseStatusLine(CharArrayBuffer buffer) throws ParseException {
            total = buffer.length();
            return super.parseStatusLine(buffer);
        }

        @Override
        public Header parseHeader(CharArrayBuffer buffer) throws ParseException {
            total += buffer.length() + 2;
            if (total > maxTotal) {
                throw new HeadersTooLargeException("the headers pass " + maxTotal + " bytes");
            }
            return super.parseHeader(buffer);
        }
    }
}
