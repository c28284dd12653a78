package com.krleads.scraper.metrics;

import com.krleads.metrics.Labels;
import com.krleads.scraper.metrics.bridge.LabelledCounter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds a user-defined label (source names) of one family: the first {@code limit} distinct
 * values pass, later ones become {@link Labels#OVERFLOW}; each overflow is counted and the
 * first one logged.
 */
final class CardinalityGuard {
    private static final Logger LOG = LoggerFactory.getLogger(CardinalityGuard.class);

    private final String familyName;
    private final int limit;
    private final LabelledCounter overflows;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean logged = new AtomicBoolean();

    CardinalityGuard(String familyName, int limit, LabelledCounter overflows) {
        this.familyName = familyName;
        this.limit = limit;
        this.overflows = overflows;
    }

    String admit(String value) {
        if (admitted.contains(value) || tryAdmit(value)) {
            return value;
        }
        overflows.inc();
        if (logged.compareAndSet(false, true)) {
            LOG.warn("Metric {} reached its limit of {} distinct label values; further values (first: {}) are recorded as \"{}\"",
                    familyName, limit, value, Labels.OVERFLOW);
        }
        return Labels.OVERFLOW;
    }

    /**
     * Like {@link #admit} for a value that is only announced, not recorded: past the limit it
     * gives {@link Labels#OVERFLOW} without counting an overflow, so announcing the same sources
     * again and again never inflates the overflow count.
     */
    String admitQuietly(String value) {
        return admitted.contains(value) || tryAdmit(value) ? value : Labels.OVERFLOW;
    }

    /** The value {@link #admit} gave for {@code value} before, without counting an overflow again. */
    String admitted(String value) {
        return admitted.contains(value) ? value : Labels.OVERFLOW;
    }

    /** Frees the slot of a value that no longer occurs (a deleted or renamed source). */
    synchronized void release(String value) {
        admitted.remove(value);
    }

    private synchronized boolean tryAdmit(String value) {
        if (admitted.size() >= limit) {
            return admitted.contains(value);
        }
        admitted.add(value);
        return true;
    }
}
