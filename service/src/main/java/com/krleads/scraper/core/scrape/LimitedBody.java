package com.krleads.scraper.core.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.HttpEntity;

/** Reads a response body into memory and gives up (or cuts it) as soon as it passes the limit. */
final class LimitedBody {
    private LimitedBody() {
    }

    /** The body passed the limit; not retried. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("response body is larger than " + limit + " bytes");
        }
    }

    /** {@code complete} is false when the body was cut at the limit and the rest left unread. */
    record Read(byte[] bytes, boolean complete) {
    }

    /** {@code truncate}: a body over the limit is cut at the limit instead of failing. */
    static Read read(HttpEntity entity, long limit, boolean truncate) throws IOException {
        if (entity == null) {
            return new Read(new byte[0], true);
        }
        if (entity.getContentLength() > limit && !truncate) {
            throw new BodyTooLargeException(limit);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        // Not closed here: closing drains the rest of the stream, which may be endless. The
        // fetcher aborts the exchange on any failure and closes the response after.
        InputStream in = entity.getContent();
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            if ((long) buffer.size() + n > limit) {
                if (!truncate) {
                    throw new BodyTooLargeException(limit);
                }
                buffer.write(chunk, 0, (int) (limit - buffer.size()));
                return new Read(buffer.toByteArray(), false);
            }
            buffer.write(chunk, 0, n);
        }
        return new Read(buffer.toByteArray(), true);
    }
}
