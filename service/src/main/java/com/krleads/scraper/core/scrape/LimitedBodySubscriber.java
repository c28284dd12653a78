package com.krleads.scraper.core.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory and gives up as soon as it passes {@code limit} bytes,
 * cancelling the stream, so an endless or huge answer never fills the heap. In truncating mode
 * (robots.txt) the first {@code limit} bytes are the body instead of a failure.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body passed the limit; not retried. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("response body is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final long declaredLength;
    private final boolean truncate;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBodySubscriber(long limit, long declaredLength, boolean truncate) {
        this.limit = limit;
        this.declaredLength = declaredLength;
        this.truncate = truncate;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return handler(limit, false);
    }

    /** {@code truncate}: a body over the limit is cut at the limit instead of failing. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, boolean truncate) {
        return info -> new LimitedBodySubscriber(limit,
                info.headers().firstValueAsLong("Content-Length").orElse(-1), truncate);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredLength > limit && !truncate) {
            fail();
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if ((long) buffer.size() + item.remaining() > limit) {
                if (truncate) {
                    byte[] head = new byte[(int) (limit - buffer.size())];
                    item.get(head);
                    buffer.write(head, 0, head.length);
                    subscription.cancel();
                    result.complete(buffer.toByteArray());
                } else {
                    fail();
                }
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private void fail() {
        subscription.cancel();
        result.completeExceptionally(new BodyTooLargeException(limit));
    }
}
